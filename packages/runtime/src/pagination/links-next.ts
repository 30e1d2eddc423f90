// The Laravel style (StrawBlond): `?page=&per_page=`, answered by `{ data, links: { next }, meta:
// { current_page, last_page } }`. More pages exist while `links.next` is set or current < last.
// We ask for the next page number ourselves rather than fetching the `links.next` URL: the link
// repeats the same query with page+1, and building it keeps the caller's typed parameters, the
// configured host and the checkpoint small.
import type { PaginationMeta } from "../api-meta.js";
import { countAt, itemsAt, type ListStrategy, pageNumbered, pageOf, sizeOf, valueAt } from "./list.js";

export function linksNextStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const { pageParam, hooks } = pageNumbered<TItem, TBody>(p);
  return {
    ...hooks,
    nextRequest(page, request) {
      const received = itemsAt(page.body, p.itemsPath).length;
      if (received === 0) return null;
      const current = countAt(page.body, p.currentPagePath) ?? pageOf(p, request);
      const next = { params: { ...request.params, [pageParam]: current + 1 } };
      const link = valueAt(page.body, p.nextPath);
      if (typeof link === "string" && link !== "") return next;
      const last = countAt(page.body, p.totalPagesPath);
      if (last !== undefined) return current < last ? next : null;
      // the envelope says nothing either way: a null link ends it, else a short page does
      if (p.nextPath !== undefined && link === null) return null;
      const size = sizeOf(p, request);
      return size !== undefined && received >= size ? next : null;
    },
  };
}
