import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { pageNumberListStrategy } from "./page-number.js";
import { type Serve, sharedCases, slice } from "./strategy.test-helper.js";

// Parallax: `{ count, total, page, total_pages, page_size, results }`
const meta: PaginationMeta = { style: "page-number", itemsPath: "results", pageParam: "page", pageSizeParam: "page_size", totalPath: "total", totalPagesPath: "total_pages", maxPageSize: 500 };
const serve: Serve = (all, { params }) => {
  const size = Number(params.page_size);
  return { body: { total: all.length, total_pages: Math.ceil(all.length / size), page: params.page, results: slice(all, Number(params.page), size) } };
};

describe("page-number (from meta)", () => {
  sharedCases(meta, serve, 5, [[0, 1], [1, 1], [5, 1], [6, 2], [50, 10], [51, 11]]);

  it("sends the meta's parameter names and refuses a size above the spec's maximum", () => {
    const s = pageNumberListStrategy(meta);
    expect(s.first(500)).toEqual({ params: { page: 1, page_size: 500 } });
    expect(() => s.first(501)).toThrow(/exceeds the spec's maximum of 500 for "page_size"/);
  });
});
