import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { offsetLimitStrategy } from "./offset-limit.js";
import { type Serve, sharedCases } from "./strategy.test-helper.js";

// `?offset=&limit=` → `{ count, next, previous, results }` (Django REST framework's LimitOffsetPagination)
const meta: PaginationMeta = { style: "offset-limit", itemsPath: "results", offsetParam: "offset", pageSizeParam: "limit", nextPath: "next", totalPath: "count" };
const serve: Serve = (all, { params }) => {
  const offset = Number(params.offset);
  const limit = Number(params.limit);
  const next = offset + limit < all.length ? `https://x.test/items?offset=${offset + limit}&limit=${limit}` : null;
  return { body: { count: all.length, next, results: all.slice(offset, offset + limit) } };
};

describe("offset-limit", () => {
  sharedCases(meta, serve, 5, [[0, 1], [1, 1], [5, 1], [6, 2], [51, 11]]);

  it("without next or total, a short page ends it", () => {
    const s = offsetLimitStrategy({ ...meta, nextPath: undefined, totalPath: undefined });
    expect(s.nextRequest({ body: { results: [1, 2] } }, { params: { offset: 0, limit: 2 } })).toEqual({ params: { offset: 2, limit: 2 } });
    expect(s.nextRequest({ body: { results: [1] } }, { params: { offset: 2, limit: 2 } })).toBeNull();
  });
});
