import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { pageCountStrategy } from "./page-count.js";
import { type Serve, sharedCases, slice } from "./strategy.test-helper.js";

// Clientary: `{ page_count, page_size, total_count, projects: [...] }`, the size fixed per resource
const meta: PaginationMeta = { style: "page-count", itemsPath: "projects", pageParam: "page", totalPagesPath: "page_count", totalPath: "total_count", defaultPageSize: 10 };
const serve: Serve = (all, { params }) => ({
  body: { page_count: Math.max(1, Math.ceil(all.length / 10)), page_size: 10, total_count: all.length, projects: slice(all, Number(params.page), 10) },
});

describe("page-count", () => {
  sharedCases(meta, serve, 10, [[0, 1], [1, 1], [10, 1], [11, 2], [61, 7]]);

  it("sends no size parameter when the operation has none", () => {
    expect(pageCountStrategy(meta).first(10)).toEqual({ params: { page: 1 } });
  });

  it("reads the items under the operation's own key", () => {
    const s = pageCountStrategy({ ...meta, itemsPath: "clients" });
    expect(s.items({ body: { clients: [{ id: 1 }] } })).toEqual([{ id: 1 }]);
    expect(() => s.items({ body: { projects: [] } })).toThrow(/"clients" field should be an array/);
  });

  it("needs the page_count path", () => {
    expect(() => pageCountStrategy({ ...meta, totalPagesPath: undefined })).toThrow(/needs `totalPagesPath`/);
  });
});
