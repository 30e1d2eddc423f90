import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { cursorStrategy } from "./cursor.js";
import { type Serve, sharedCases } from "./strategy.test-helper.js";

// Stripe: `?limit=&starting_after=<id>` → `{ object: "list", data, has_more }`
const meta: PaginationMeta = { style: "cursor", itemsPath: "data", cursorParam: "starting_after", pageSizeParam: "limit", hasMorePath: "has_more", maxPageSize: 100 };
const serve: Serve = (all, { params }) => {
  const after = params.starting_after;
  const from = after === undefined ? 0 : all.findIndex((r) => r.id === after) + 1;
  const data = all.slice(from, from + Number(params.limit));
  return { body: { object: "list", data, has_more: from + data.length < all.length } };
};

describe("cursor", () => {
  sharedCases(meta, serve, 5, [[0, 1], [1, 1], [5, 1], [6, 2], [51, 11]]);

  it("continues after the last item's cursor field", () => {
    const s = cursorStrategy({ ...meta, cursorField: "key" });
    expect(s.nextRequest({ body: { data: [{ key: "a" }, { key: "b" }], has_more: true } }, { params: { limit: 2 } })).toEqual({ params: { limit: 2, starting_after: "b" } });
    expect(() => s.nextRequest({ body: { data: [{ id: "a" }], has_more: true } }, { params: { limit: 1 } })).toThrow(/no "key"/);
  });
});
