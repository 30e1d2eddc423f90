// The cursor style (Stripe): `?starting_after=<last item's id>&limit=N`, and `has_more` says
// whether another page exists. Without a `has_more` field a short page ends the listing.
import type { PaginationMeta } from "../api-meta.js";
import { PaginationError } from "./errors.js";
import { countAt, itemsAt, type ListStrategy, need, sizeOf, sizeParam, valueAt } from "./list.js";

export function cursorStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const cursorParam = need(p, "cursorParam");
  const cursorField = p.cursorField ?? "id";
  return {
    first: (pageSize) => ({ params: { ...sizeParam(p, pageSize) } }),
    items: (page) => itemsAt<TItem>(page.body, p.itemsPath),
    total: (page) => countAt(page.body, p.totalPath),
    nextRequest(page, request) {
      const items = itemsAt(page.body, p.itemsPath);
      if (items.length === 0) return null;
      const more = valueAt(page.body, p.hasMorePath);
      if (p.hasMorePath !== undefined && more !== undefined) {
        if (more !== true) return null;
      } else {
        const size = sizeOf(p, request);
        if (size !== undefined && items.length < size) return null;
      }
      const cursor = valueAt(items[items.length - 1], cursorField);
      if (typeof cursor !== "string" && typeof cursor !== "number") {
        throw new PaginationError(`The last item of the page has no "${cursorField}" to continue after; set cursorField in the pagination meta.`);
      }
      return { params: { ...request.params, [cursorParam]: cursor } };
    },
  };
}
