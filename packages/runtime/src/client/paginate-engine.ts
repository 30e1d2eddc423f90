// The body of client.paginate (loaded on first use by ./paginate.ts, so a bundle that never lists
// pays nothing for it): the pagination engine over a list operation the meta marks, with the
// strategy its style names. GET lists get their paging parameters in the query,
// POST query services in the JSON body; next-page URLs (next-url, link-header) are fetched through
// the same transport and credentials, but only on the base URL's origin.
import type { OperationMeta, PaginationMeta } from "../api-meta.js";
import { PaginationError } from "../pagination/errors.js";
import { estimatePagination } from "../pagination/estimate.js";
import type { ListPage, ListRequest } from "../pagination/list.js";
import { createPaginator } from "../pagination/paginator.js";
import { strategyFor } from "../pagination/registry.js";
import type { PageStrategy } from "../pagination/types.js";
import { errorForResponse, readBody } from "../result.js";
import type { ApiEstimate, ApiPaginator, PaginateDeps, PaginateInit as Init } from "./paginate.js";
import type { PaginateOptions } from "./types.js";

type Result = { data?: unknown; error?: unknown; response: Response };

function defaultKey(item: unknown): string | number | undefined {
  const id = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? id : undefined;
}

function pageSizeFor(p: PaginationMeta, options: PaginateOptions<any, any>): number | undefined {
  if (options.pageSize !== undefined) return options.pageSize;
  const max = p.maxPageSize ?? p.defaultPageSize;
  if (p.pageSizeParam === undefined) return undefined;
  return options.maxItems ? Math.min(options.maxItems, max ?? options.maxItems) : max;
}

/** The paginator of one list operation (`op`, already looked up and checked by ./paginate.ts). */
export function paginateOperation(
  deps: PaginateDeps,
  path: string,
  op: OperationMeta & { pagination: PaginationMeta },
  init: Init | undefined,
  options: PaginateOptions<any, ListRequest>,
): ApiPaginator<unknown, unknown> {
  const origin = new URL(deps.baseUrl).origin;
  const p = op.pagination;
  const inner = strategyFor(p);
  const pageSize = pageSizeFor(p, options);
  const first = inner.first(pageSize);
  // the engine hands the body to callers (`pages()` yields it); headers and URL ride beside it
  const seen = new WeakMap<object, ListPage>();
  const view = (body: unknown): ListPage => (body !== null && typeof body === "object" ? (seen.get(body) ?? { body }) : { body });
  const strategy: PageStrategy<ListRequest, unknown, unknown> = {
    items: (body) => inner.items(view(body)),
    nextRequest: (body, request) => inner.nextRequest(view(body), request),
    total: (body) => inner.total?.(view(body)),
  };
  const base: Init = init ?? {};
  const remember = (body: unknown, response: Response) => {
    if (body !== null && typeof body === "object") seen.set(body, { body, headers: response.headers, url: response.url });
    return body;
  };

  const fetchPage = async (request: ListRequest, signal: AbortSignal | undefined): Promise<unknown> => {
    if (request.url !== undefined) {
      const url = new URL(request.url, deps.baseUrl);
      // a next link elsewhere would receive our credentials: refuse it
      if (url.origin !== origin) throw new PaginationError(`The next page's URL ${url.origin}${url.pathname} is not on ${origin}; refusing to send credentials there.`);
      const response = await deps.send(new Request(url, { headers: base.headers ?? {}, ...(signal && { signal }) }));
      const body = await readBody(response);
      if (!response.ok) throw errorForResponse(response, body);
      return remember(body, response);
    }
    const inBody = (p.paramsIn ?? "query") === "body";
    const call: Init = inBody
      ? { ...base, body: { ...base.body, ...request.params } }
      : { ...base, params: { ...base.params, query: { ...base.params?.query, ...request.params } } };
    const send = deps.client[op.method.toUpperCase() as "GET"] as unknown as (path: string, init: object) => Promise<Result>;
    const result = await send(path, { ...call, ...(signal && { signal }) });
    if (!result.response.ok) throw errorForResponse(result.response, result.error);
    return remember(result.data, result.response);
  };

  const paginator = createPaginator({
    strategy,
    fetchPage,
    first,
    key: options.key ?? defaultKey,
    ...(options.resumeFrom && { resumeFrom: options.resumeFrom }),
    ...(options.maxItems !== undefined && { maxItems: options.maxItems }),
    ...(options.maxPages !== undefined && { maxPages: options.maxPages }),
    ...(options.signal && { signal: options.signal }),
    ...(deps.logger && { logger: deps.logger }),
  });

  const estimate = async (): Promise<ApiEstimate> => {
    const size = pageSize ?? p.defaultPageSize;
    if (size === undefined) throw new PaginationError(`${path} has no known page size (no size parameter or default in its meta), so the listing cannot be estimated.`);
    let total = paginator.stats.total;
    const probeRequests = total === null ? 1 : 0;
    if (total === null) {
      const probe = await fetchPage(inner.first(p.pageSizeParam === undefined ? undefined : 1), options.signal);
      total = strategy.total?.(probe) ?? null;
      if (total === null) throw new PaginationError(`${path} reports no total${p.totalPath ? ` at "${p.totalPath}"` : ""}, so the listing cannot be estimated.`);
    }
    const reachable = Math.min(total, options.maxItems ?? Infinity, (options.maxPages ?? Infinity) * size);
    return { ...estimatePagination({ total: reachable, pageSize: size, rateLimit: deps.rateLimit }), probeRequests };
  };
  return Object.assign(paginator, { estimate });
}
