import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { bodyStartSizeStrategy } from "./body-start-size.js";
import { type Row, type Serve, sharedCases } from "./strategy.test-helper.js";

// Sage Intacct query service: body `{ object, fields, start, size }` → `{ ia::result: [...], ia::meta: { totalCount, start, pageSize, next, previous } }`
const meta: PaginationMeta = {
  style: "body-start-size", itemsPath: "ia::result", paramsIn: "body", offsetParam: "start", pageSizeParam: "size",
  nextPath: "ia::meta.next", totalPath: "ia::meta.totalCount", maxPageSize: 4000,
};
const sage = (end: null | 0): Serve => (all, { params }) => {
  const start = Number(params.start);
  const size = Number(params.size);
  const page: Row[] = all.slice(start - 1, start - 1 + size);
  const next = start - 1 + size < all.length ? start + size : end;
  return { body: { "ia::result": page, "ia::meta": { totalCount: all.length, start, pageSize: size, next, previous: start > 1 ? Math.max(1, start - size) : null } } };
};

describe("body-start-size", () => {
  describe("ending on next: null", () => sharedCases(meta, sage(null), 5, [[0, 1], [1, 1], [5, 1], [6, 2], [51, 11]]));
  describe("ending on next: 0", () => sharedCases(meta, sage(0), 1000, [[2345, 3]]));

  it("starts at 1 with the size in the body parameters", () => {
    expect(bodyStartSizeStrategy(meta).first(1000)).toEqual({ params: { start: 1, size: 1000 } });
    expect(() => bodyStartSizeStrategy(meta).first(4001)).toThrow(/maximum of 4000/);
  });

  it("never loops on a next that does not move forward", () => {
    const s = bodyStartSizeStrategy(meta);
    expect(s.nextRequest({ body: { "ia::result": [1], "ia::meta": { next: 1 } } }, { params: { start: 1, size: 1 } })).toBeNull();
  });
});
