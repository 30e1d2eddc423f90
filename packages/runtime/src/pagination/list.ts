// What every spec-driven strategy (`pagination/<style>.ts`) shares: one JSON request shape, dotted
// field paths into a page body, and the page-size choice. A strategy is built from the operation's
// `PaginationMeta` alone, so a new API needs data, not code.
import type { PaginationMeta } from "../api-meta.js";
import { valueAt } from "../field-path.js";
import { PaginationError } from "./errors.js";

export { valueAt };
import type { PageStrategy } from "./types.js";

/**
 * One page request, as plain JSON (it goes into checkpoints). `params` are merged over the caller's
 * query string or JSON body (per `paramsIn`); `url` is an absolute next-page URL the server gave,
 * fetched as is (it already carries the caller's filters).
 */
export interface ListRequest {
  params: Record<string, string | number>;
  url?: string;
}

/** A page as the strategies read it: the parsed body, plus the response headers when a style needs them. */
export interface ListPage<TBody = unknown> {
  body: TBody;
  headers?: Headers;
  /** The URL the page was fetched from, to resolve relative next links. */
  url?: string;
}

/** A strategy built from `PaginationMeta`: the engine's two hooks plus the first request. */
export interface ListStrategy<TItem = unknown, TBody = unknown> extends PageStrategy<ListRequest, ListPage<TBody>, TItem> {
  /** The first request; `pageSize` is sent only when the operation has a page-size parameter. */
  first(pageSize?: number): ListRequest;
}

/** Builds one style's strategy from the operation's facts. */
export type StrategyFactory = <TItem = unknown, TBody = unknown>(pagination: PaginationMeta) => ListStrategy<TItem, TBody>;

/** A finite, non-negative number at `path`, else undefined (counts sent as strings or null are ignored). */
export function countAt(value: unknown, path: string | undefined): number | undefined {
  const n = valueAt(value, path);
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The items array at `itemsPath`; throws a PaginationError naming the path when there is none. */
export function itemsAt<TItem>(body: unknown, itemsPath: string): TItem[] {
  const items = valueAt(body, itemsPath);
  if (!Array.isArray(items)) {
    const where = itemsPath === "" ? "The page body" : `The page's "${itemsPath}" field`;
    throw new PaginationError(`${where} should be an array of items, got ${items === undefined ? "nothing" : items === null ? "null" : typeof items}.`);
  }
  return items as TItem[];
}

/** The page size a request asks for, when the operation has a size parameter. */
export function sizeParam(p: PaginationMeta, pageSize: number | undefined): Record<string, number> {
  if (pageSize === undefined || p.pageSizeParam === undefined) return {};
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new PaginationError(`pageSize must be a positive integer, got ${String(pageSize)}.`);
  if (p.maxPageSize !== undefined && pageSize > p.maxPageSize) {
    throw new PaginationError(`pageSize ${pageSize} exceeds the spec's maximum of ${p.maxPageSize} for "${p.pageSizeParam}".`);
  }
  return { [p.pageSizeParam]: pageSize };
}

/** The page size in force for a request: the one sent, else the server's documented default. */
export function sizeOf(p: PaginationMeta, request: ListRequest): number | undefined {
  const sent = p.pageSizeParam === undefined ? undefined : request.params[p.pageSizeParam];
  return typeof sent === "number" ? sent : p.defaultPageSize;
}

/** A parameter the style cannot work without; the message names the meta field to add. */
export function need<K extends keyof PaginationMeta>(p: PaginationMeta, field: K): NonNullable<PaginationMeta[K]> {
  const value = p[field];
  if (value === undefined) throw new PaginationError(`The "${p.style}" pagination style needs \`${String(field)}\` in the operation's pagination meta (x-apiforge-pagination).`);
  return value as NonNullable<PaginationMeta[K]>;
}

/** The current page number of a request (page-number-like styles). */
export function pageOf(p: PaginationMeta, request: ListRequest): number {
  const page = request.params[need(p, "pageParam")];
  return typeof page === "number" ? page : Number(page);
}

/**
 * What every page-numbered style shares: the first page's number, the page parameter, and the
 * `first` / `items` / `total` hooks. Each style adds only how it decides the next page.
 */
export function pageNumbered<TItem, TBody>(p: PaginationMeta) {
  const firstPage = p.firstPage ?? 1;
  const pageParam = need(p, "pageParam");
  const hooks: Omit<ListStrategy<TItem, TBody>, "nextRequest"> = {
    first: (pageSize) => ({ params: { [pageParam]: firstPage, ...sizeParam(p, pageSize) } }),
    items: (page) => itemsAt<TItem>(page.body, p.itemsPath),
    total: (page) => countAt(page.body, p.totalPath),
  };
  return { firstPage, pageParam, hooks };
}
