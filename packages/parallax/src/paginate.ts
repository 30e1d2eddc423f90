// client.paginate(): the runtime's pagination engine on Parallax's list operations. Which
// operations paginate, each one's envelope field names and page-size maximum all come from the
// generated meta (read from the spec per operation), so nothing here is a hand-typed vendor number.
import {
  type OperationMeta,
  createPaginator,
  estimatePagination,
  type PageNumberRequest,
  PaginationError,
  type PaginationEstimate,
  type PaginationLogger,
  type Paginator,
  pageNumberStrategy,
  type PaginationCheckpoint as RuntimeCheckpoint,
} from "@apiforge/runtime";
import type { Client, HeadersOptions } from "openapi-fetch";
import { meta, type PaginatedPath } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";

type Operations = typeof meta.operations;
/** The generated pagination facts of the GET operation at `P`. */
type Pagination<P extends PaginatedPath> = Extract<Operations[keyof Operations], { method: "get"; path: P; pagination: object }>["pagination"];
type ListOperation<P extends PaginatedPath> = paths[P]["get"];
type Params<P extends PaginatedPath> = ListOperation<P>["parameters"];
type PageParams<P extends PaginatedPath> = Pagination<P>["pageParam"] | Pagination<P>["pageSizeParam"];

/** A listing's position as JSON: pass it back as `resumeFrom` to continue at the next undelivered item. */
export type PaginationCheckpoint = RuntimeCheckpoint<PageNumberRequest>;

/** The page envelope a list operation returns (`{ count, total, page, total_pages, page_size, results }`). */
export type PageEnvelope<P extends PaginatedPath> = ListOperation<P>["responses"] extends { 200: { content: { "application/json": infer E } } } ? E : never;
/** The type of one item of a list operation. */
export type PageItem<P extends PaginatedPath> =
  PageEnvelope<P> extends { [K in Pagination<P>["itemsPath"]]: infer A extends readonly unknown[] } ? A[number] : never;

/** Path, filter and header parameters of a list operation; `page` and `page_size` are the paginator's. */
export interface ListInit<P extends PaginatedPath> {
  params: Omit<Params<P>, "query"> & { query?: Omit<NonNullable<Params<P>["query"]>, PageParams<P>> };
  headers?: HeadersOptions;
}

/** `init` is required exactly when the operation has path parameters. */
export type PaginateArgs<P extends PaginatedPath> = Params<P> extends { path: object }
  ? [init: ListInit<P>, options?: PaginateOptions<PageItem<P>>]
  : [init?: Partial<ListInit<P>>, options?: PaginateOptions<PageItem<P>>];

/** Options of `client.paginate()`. */
export interface PaginateOptions<TItem = unknown> {
  /** Items per request. @default the spec's `page_size` maximum (500 for Parallax v1) */
  pageSize?: number;
  /** Stop after this many items; no request is made past them. @default unlimited */
  maxItems?: number;
  /** Stop after this many requests. @default unlimited */
  maxPages?: number;
  /** Page number to start from (Parallax pages count from 1). @default 1 */
  startPage?: number;
  /** Continue an interrupted listing from its `checkpoint` (its page size wins over `pageSize`). */
  resumeFrom?: PaginationCheckpoint;
  /** Aborting cancels the request in flight and ends iteration with an error at once. */
  signal?: AbortSignal;
  /** Identity used to drop items seen on an earlier page. @default the item's `id` */
  key?: (item: TItem) => string | number | undefined;
}

/** What a listing will cost, and whether a request was spent to find out. */
export interface ParallaxEstimate extends PaginationEstimate {
  /** Requests `estimate()` made itself: 1 when it had to read `total`, else 0. */
  probeRequests: 0 | 1;
}

/** A paginator over one list operation, plus `estimate()`. */
export interface ParallaxPaginator<TItem, TEnvelope> extends Paginator<TItem, TEnvelope, PageNumberRequest> {
  /**
   * Requests this listing needs (within `maxItems`/`maxPages`) and their share of the rate-limit
   * window. Uses a total already seen; otherwise spends one request (`page_size=1`) to read it.
   */
  estimate(): Promise<ParallaxEstimate>;
}

/** What `paginate` needs from the client it is attached to. */
export interface PaginateDeps {
  client: Client<paths>;
  logger: PaginationLogger | undefined;
  rateLimit: { limit: number; windowMs: number } | null;
  /** Turns an openapi-fetch result into its data or the transport's typed error. */
  unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T;
}

// Parallax pages count from 1: the vendor's release notes list `page=0` answers as a fixed bug.
const FIRST_PAGE = 1;

/** The pagination meta of the GET operation at `path`, if it paginates. */
function paginationAt(path: string): OperationMeta["pagination"] {
  return (Object.values(meta.operations) as readonly OperationMeta[]).find((o) => o.method === "get" && o.path === path && o.pagination)?.pagination;
}

function defaultKey(item: unknown): string | number | undefined {
  const id = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? id : undefined;
}

/** Builds `client.paginate`. */
export function createPaginate(deps: PaginateDeps) {
  return function paginate<P extends PaginatedPath>(path: P, ...[init, options = {}]: PaginateArgs<P>): ParallaxPaginator<PageItem<P>, PageEnvelope<P>> {
    const pagination = paginationAt(path);
    if (!pagination) {
      const paged = (Object.values(meta.operations) as readonly OperationMeta[]).filter((o) => o.method === "get" && o.pagination).map((o) => o.path);
      throw new PaginationError(`${String(path)} is not a paginated operation. Paginated paths: ${paged.join(", ")}.`);
    }
    // this client speaks the page-number envelope only (the generic client takes over the other styles)
    if (pagination.style !== "page-number" || !pagination.pageParam || !pagination.pageSizeParam) {
      throw new PaginationError(`${String(path)} pages in the "${pagination.style}" style, which this client does not support; regenerate with \`pnpm generate\` or use the generic client.`);
    }
    const config = {
      pageParam: pagination.pageParam,
      pageSizeParam: pagination.pageSizeParam,
      itemsField: pagination.itemsPath,
      totalField: pagination.totalPath,
      totalPagesField: pagination.totalPagesPath,
      maxPageSize: pagination.maxPageSize,
      defaultPageSize: pagination.defaultPageSize,
    };
    const max = config.maxPageSize ?? config.defaultPageSize;
    const pageSize = options.resumeFrom?.next?.pageSize ?? options.pageSize ?? (options.maxItems ? Math.min(options.maxItems, max ?? options.maxItems) : max);
    if (pageSize === undefined) throw new PaginationError("The spec states no page-size maximum or default; pass `pageSize`.");
    if (config.maxPageSize !== undefined && pageSize > config.maxPageSize) {
      throw new PaginationError(`pageSize ${pageSize} exceeds the spec's maximum of ${config.maxPageSize} for ${config.pageSizeParam}.`);
    }
    const strategy = pageNumberStrategy<PageItem<P>, PageEnvelope<P>>({ ...config, firstPage: pagination.firstPage ?? FIRST_PAGE });
    const base = (init ?? {}) as { params?: { query?: object }; headers?: HeadersOptions };
    const fetchPage = async (request: PageNumberRequest, signal: AbortSignal | undefined) => {
      const query = { ...base.params?.query, ...strategy.query(request) };
      const get = deps.client.GET as (p: string, i: object) => Promise<{ data?: PageEnvelope<P>; error?: unknown; response: Response }>;
      return deps.unwrap(await get(path, { ...base, params: { ...base.params, query }, signal }));
    };
    const paginator = createPaginator({
      strategy,
      fetchPage,
      first: strategy.first(pageSize, options.startPage),
      key: options.key ?? defaultKey,
      ...(options.resumeFrom && { resumeFrom: options.resumeFrom }),
      ...(options.maxItems !== undefined && { maxItems: options.maxItems }),
      ...(options.maxPages !== undefined && { maxPages: options.maxPages }),
      ...(options.signal && { signal: options.signal }),
      ...(deps.logger && { logger: deps.logger }),
    });
    const estimate = async (): Promise<ParallaxEstimate> => {
      let total = paginator.stats.total;
      const probeRequests = total === null ? 1 : 0;
      if (total === null) {
        const probe = await fetchPage({ page: FIRST_PAGE, pageSize: 1 }, options.signal);
        total = strategy.total?.(probe) ?? null;
        if (total === null) throw new PaginationError(`${String(path)} reports no "${config.totalField ?? "total"}", so the listing cannot be estimated.`);
      }
      const reachable = Math.min(total, options.maxItems ?? Infinity, (options.maxPages ?? Infinity) * pageSize);
      return { ...estimatePagination({ total: reachable, pageSize, rateLimit: deps.rateLimit }), probeRequests };
    };
    return Object.assign(paginator, { estimate });
  };
}
