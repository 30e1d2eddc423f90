// The body carries the absolute URL of the next page (`next_page_url`, `next`); null or absent
// ends the listing. The URL is fetched as given: it already holds the caller's filters.
import type { PaginationMeta } from "../api-meta.js";
import { countAt, itemsAt, type ListStrategy, need, sizeParam, valueAt } from "./list.js";

export function nextUrlStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const nextPath = need(p, "nextPath");
  return {
    first: (pageSize) => ({ params: { ...sizeParam(p, pageSize) } }),
    items: (page) => itemsAt<TItem>(page.body, p.itemsPath),
    total: (page) => countAt(page.body, p.totalPath),
    nextRequest(page, request) {
      if (itemsAt(page.body, p.itemsPath).length === 0) return null;
      const url = valueAt(page.body, nextPath);
      if (typeof url !== "string" || url === "" || url === request.url) return null;
      return { params: {}, url };
    },
  };
}
