// Strategy for the page-number envelope style: `?page=N&page_size=S` answered by an object holding
// the items under one field and, optionally, the total item and page counts under others.
import type { PaginationMeta } from "../api-meta.js";
import { PaginationError } from "./errors.js";
import { countAt, itemsAt, type ListStrategy, pageNumbered, pageOf, sizeOf } from "./list.js";
import type { PageStrategy } from "./types.js";

/** A request of the page-number style: which page, how many items per page. */
export interface PageNumberRequest {
  page: number;
  pageSize: number;
}

/** Field names of the envelope and query, as a spec's pagination facts state them. */
export interface PageNumberConfig {
  /** Query parameter holding the page number, e.g. `page`. */
  pageParam: string;
  /** Query parameter holding the page size, e.g. `page_size`. */
  pageSizeParam: string;
  /** Envelope field holding the items array, e.g. `results`. */
  itemsField: string;
  /** Envelope field holding the total item count, e.g. `total`. @default none */
  totalField?: string;
  /** Envelope field holding the total page count, e.g. `total_pages`. @default none */
  totalPagesField?: string;
  /** Number of the first page. @default 1 */
  firstPage?: number;
}

/** A page-number strategy plus the helpers to build its requests. */
export interface PageNumberStrategy<TItem, TPage> extends PageStrategy<PageNumberRequest, TPage, TItem> {
  /** The first request (or `startPage`'s) for a page size. */
  first(pageSize: number, startPage?: number): PageNumberRequest;
  /** Query parameters for a request, e.g. `{ page: 2, page_size: 500 }`. */
  query(request: PageNumberRequest): Record<string, number>;
}

function count(envelope: unknown, field: string | undefined): number | undefined {
  if (field === undefined || envelope === null || typeof envelope !== "object") return undefined;
  const value = (envelope as Record<string, unknown>)[field];
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The page-number envelope strategy, configured by field names (no vendor knowledge). */
export function pageNumberStrategy<TItem, TPage = unknown>(config: PageNumberConfig): PageNumberStrategy<TItem, TPage> {
  const firstPage = config.firstPage ?? 1;
  const itemsOf = (page: TPage): TItem[] => {
    const items = page !== null && typeof page === "object" ? (page as Record<string, unknown>)[config.itemsField] : undefined;
    if (!Array.isArray(items)) {
      throw new PaginationError(`Expected the page's "${config.itemsField}" field to be an array, got ${items === undefined ? "no such field" : typeof items}.`);
    }
    return items as TItem[];
  };
  return {
    first(pageSize, startPage = firstPage) {
      if (!Number.isInteger(pageSize) || pageSize < 1) throw new PaginationError(`pageSize must be a positive integer, got ${String(pageSize)}.`);
      if (!Number.isInteger(startPage) || startPage < firstPage) throw new PaginationError(`startPage must be an integer ≥ ${firstPage}, got ${String(startPage)}.`);
      return { page: startPage, pageSize };
    },
    query: (request) => ({ [config.pageParam]: request.page, [config.pageSizeParam]: request.pageSize }),
    items: itemsOf,
    total: (page) => count(page, config.totalField),
    nextRequest(page, request) {
      const received = itemsOf(page).length;
      // a short page is the last one, whatever the counts say (this also ends an empty listing)
      if (received < request.pageSize) return null;
      const pagesBefore = request.page - firstPage;
      const totalPages = count(page, config.totalPagesField);
      if (totalPages !== undefined && pagesBefore + 1 >= totalPages) return null;
      // a full page that reaches the total: asking again would only return an empty page
      const total = count(page, config.totalField);
      if (total !== undefined && pagesBefore * request.pageSize + received >= total) return null;
      return { page: request.page + 1, pageSize: request.pageSize };
    },
  };
}

/**
 * The page-number style from an operation's meta: `?page=&page_size=`, items at `itemsPath`, and
 * the optional `totalPath` / `totalPagesPath` counts. Ends on a short page, on the last of the
 * total pages, or once the total is reached, so the last request is never an empty page.
 */
export function pageNumberListStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const { firstPage, pageParam, hooks } = pageNumbered<TItem, TBody>(p);
  return {
    ...hooks,
    nextRequest(page, request) {
      const received = itemsAt(page.body, p.itemsPath).length;
      const size = sizeOf(p, request);
      if (received === 0 || (size !== undefined && received < size)) return null;
      const current = pageOf(p, request);
      const pagesSoFar = current - firstPage + 1;
      const totalPages = countAt(page.body, p.totalPagesPath);
      if (totalPages !== undefined && pagesSoFar >= totalPages) return null;
      const total = countAt(page.body, p.totalPath);
      if (total !== undefined && size !== undefined && (pagesSoFar - 1) * size + received >= total) return null;
      return { params: { ...request.params, [pageParam]: current + 1 } };
    },
  };
}
