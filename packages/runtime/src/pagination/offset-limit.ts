// `?offset=&limit=`: the next offset is this one plus the items received. A `next` field (URL or
// null) or a total says whether to go on when present; otherwise a short page ends the listing.
import type { PaginationMeta } from "../api-meta.js";
import { countAt, itemsAt, type ListStrategy, need, sizeOf, sizeParam, valueAt } from "./list.js";

export function offsetLimitStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  const offsetParam = need(p, "offsetParam");
  return {
    first: (pageSize) => ({ params: { [offsetParam]: p.firstPage ?? 0, ...sizeParam(p, pageSize) } }),
    items: (page) => itemsAt<TItem>(page.body, p.itemsPath),
    total: (page) => countAt(page.body, p.totalPath),
    nextRequest(page, request) {
      const received = itemsAt(page.body, p.itemsPath).length;
      if (received === 0) return null;
      const offset = Number(request.params[offsetParam] ?? 0) + received;
      const next = { params: { ...request.params, [offsetParam]: offset } };
      if (p.nextPath !== undefined) {
        const link = valueAt(page.body, p.nextPath);
        if (link !== undefined) return link === null || link === "" || link === false ? null : next;
      }
      const total = countAt(page.body, p.totalPath);
      if (total !== undefined) return offset < total ? next : null;
      const size = sizeOf(p, request);
      return size !== undefined && received < size ? null : next;
    },
  };
}
