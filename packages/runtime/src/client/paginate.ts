// client.paginate(path, init?, options?): what a list call needs synchronously (the operation's
// lookup, the limits' checks, `checkpoint`/`stats` before the first page), while the engine, the
// strategies and the estimate live in ./paginate-engine.ts, loaded by a dynamic import on first
// use so bundlers split them out of an app that never lists (issue 14: one client + one GET).
import type { Client } from "openapi-fetch";
import type { ApiMeta, OperationMeta, PaginationMeta } from "../api-meta.js";
import { PaginationError } from "../pagination/errors.js";
import type { PaginationEstimate } from "../pagination/estimate.js";
import { type ListRequest, sizeParam } from "../pagination/list.js";
import type { PaginationCheckpoint, PaginationLogger, PaginationStats, Paginator } from "../pagination/types.js";
import type { PageBody, PageItem, PaginateArgs, PaginatedPath, PaginateOptions } from "./types.js";

/** What a listing will cost, and whether a request was spent to find out. */
export interface ApiEstimate extends PaginationEstimate {
  /** Requests `estimate()` made itself: 1 when it had to read the total, else 0. */
  probeRequests: 0 | 1;
}

/** A paginator over one list operation, plus `estimate()`. */
export interface ApiPaginator<TItem, TBody> extends Paginator<TItem, TBody, ListRequest> {
  /**
   * Requests this listing needs (within `maxItems`/`maxPages`) and their share of the rate-limit
   * window. Uses a total already seen; otherwise spends one small request to read it.
   */
  estimate(): Promise<ApiEstimate>;
}

/** `client.paginate`, typed per path from the API's meta. */
export type Paginate<Paths, M extends ApiMeta> = <P extends PaginatedPath<M>>(path: P, ...args: PaginateArgs<Paths, M, P>) => ApiPaginator<PageItem<Paths, M, P>, PageBody<Paths, M, P>>;

/** What paginate needs from the client it is attached to. */
export interface PaginateDeps {
  meta: ApiMeta;
  client: Client<any>;
  baseUrl: string;
  /** Sends a ready Request through the credentials and the transport. */
  send(request: Request): Promise<Response>;
  logger: PaginationLogger | undefined;
  rateLimit: { limit: number; windowMs: number } | null;
}

/** The `init` of a list call (openapi-fetch's, loosely typed here). */
export type PaginateInit = { params?: { query?: object; [k: string]: unknown }; body?: object; headers?: HeadersInit; [k: string]: unknown };

function listOperation(meta: ApiMeta, path: string): OperationMeta & { pagination: PaginationMeta } {
  const ops = Object.values(meta.operations);
  const op = ops.find((o) => o.path === path && o.pagination);
  if (!op) {
    const paged = ops.filter((o) => o.pagination).map((o) => o.path);
    throw new PaginationError(`${path} is not a paginated operation of the ${meta.title} API. Paginated paths: ${paged.join(", ") || "none"}.`);
  }
  return op as OperationMeta & { pagination: PaginationMeta };
}

// the engine checks these too; here so a bad option still throws at the call, not at the first page
function checkOptions(p: PaginationMeta, options: PaginateOptions<any, ListRequest>): void {
  sizeParam(p, options.pageSize);
  for (const name of ["maxItems", "maxPages"] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) throw new PaginationError(`${name} must be a non-negative integer, got ${String(value)}.`);
  }
  const cp = options.resumeFrom;
  if (cp && cp.version !== 1) throw new PaginationError(`Unknown checkpoint version ${String(cp.version)}; expected 1.`);
}

/** Builds `client.paginate`. */
export function createPaginate<Paths, M extends ApiMeta>(deps: PaginateDeps): Paginate<Paths, M> {
  return ((path: string, init: PaginateInit | undefined, options: PaginateOptions<any, ListRequest> = {}) => {
    const op = listOperation(deps.meta, path);
    checkOptions(op.pagination, options);
    let engine: ApiPaginator<unknown, unknown> | undefined;
    let loading: Promise<ApiPaginator<unknown, unknown>> | undefined;
    const load = () => (loading ??= import("./paginate-engine.js").then((m) => (engine = m.paginateOperation(deps, path, op, init, options))));
    const cp = options.resumeFrom;
    const lazy: ApiPaginator<unknown, unknown> = {
      async *[Symbol.asyncIterator]() {
        yield* await load();
      },
      async *pages() {
        yield* (await load()).pages();
      },
      toArray: async () => (await load()).toArray(),
      estimate: async () => (await load()).estimate(),
      // before the engine has loaded nothing has been fetched: the listing stands where it started
      get checkpoint(): PaginationCheckpoint<ListRequest> {
        if (engine) return engine.checkpoint;
        if (cp) return structuredClone(cp);
        // no `next` yet: resuming from it starts at the first request (the strategy knows it)
        return { version: 1, skip: 0, recentKeys: [], items: 0, pages: 0, duplicatesDropped: 0, total: null } as unknown as PaginationCheckpoint<ListRequest>;
      },
      get stats(): PaginationStats {
        if (engine) return engine.stats;
        return { requests: 0, items: cp?.items ?? 0, duplicatesDropped: cp?.duplicatesDropped ?? 0, total: cp?.total ?? null, totalChanged: false };
      },
    };
    return lazy;
  }) as unknown as Paginate<Paths, M>;
}
