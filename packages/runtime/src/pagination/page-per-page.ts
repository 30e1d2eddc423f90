// `?page=&per_page=` with no counts in the answer: a page shorter than the size asked for (or the
// server's default size) is the last one. Without any known size only an empty page can end it.
import type { PaginationMeta } from "../api-meta.js";
import { itemsAt, type ListStrategy, pageNumbered, pageOf, sizeOf } from "./list.js";

export function pagePerPageStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const { pageParam, hooks } = pageNumbered<TItem, TBody>(p);
  return {
    ...hooks,
    nextRequest(page, request) {
      const received = itemsAt(page.body, p.itemsPath).length;
      const size = sizeOf(p, request);
      if (received === 0 || (size !== undefined && received < size)) return null;
      return { params: { ...request.params, [pageParam]: pageOf(p, request) + 1 } };
    },
  };
}
