// The query-service style (Sage Intacct `POST /services/core/query`): the JSON body carries
// `start` and `size`, the answer's `ia::meta.next` is the start of the next page, and the end is
// marked by `next: null` or `next: 0` (both occur in the vendor's examples).
import type { PaginationMeta } from "../api-meta.js";
import { countAt, itemsAt, type ListStrategy, need, sizeParam, valueAt } from "./list.js";

export function bodyStartSizeStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const startParam = need(p, "offsetParam");
  const nextPath = need(p, "nextPath");
  return {
    first: (pageSize) => ({ params: { [startParam]: p.firstPage ?? 1, ...sizeParam(p, pageSize) } }),
    items: (page) => itemsAt<TItem>(page.body, p.itemsPath),
    total: (page) => countAt(page.body, p.totalPath),
    nextRequest(page, request) {
      if (itemsAt(page.body, p.itemsPath).length === 0) return null;
      const next = valueAt(page.body, nextPath);
      const start = typeof next === "string" && /^\d+$/.test(next) ? Number(next) : next;
      if (typeof start !== "number" || !Number.isInteger(start) || start <= 0) return null;
      // a next start that does not move forward would loop forever
      const current = request.params[startParam];
      if (typeof current === "number" && start <= current) return null;
      return { params: { ...request.params, [startParam]: start } };
    },
  };
}
