// The page-count style (Clientary): `?page=N` (+ an optional size), answered by an envelope with
// `page_count` and the items under a key that differs per operation (`projects`, `clients`, …).
// Continue while `page < page_count`; an empty page also ends it (a listing emptied meanwhile).
import type { PaginationMeta } from "../api-meta.js";
import { countAt, itemsAt, type ListStrategy, need, pageNumbered, pageOf } from "./list.js";

export function pageCountStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const { firstPage, pageParam, hooks } = pageNumbered<TItem, TBody>(p);
  const pageCountPath = need(p, "totalPagesPath");
  return {
    ...hooks,
    nextRequest(page, request) {
      if (itemsAt(page.body, p.itemsPath).length === 0) return null;
      // the page number the server echoes wins over ours (it may clamp an out-of-range page)
      const current = countAt(page.body, p.currentPagePath) ?? pageOf(p, request);
      const pageCount = countAt(page.body, pageCountPath);
      if (pageCount === undefined || current - firstPage + 1 >= pageCount) return null;
      return { params: { ...request.params, [pageParam]: current + 1 } };
    },
  };
}
