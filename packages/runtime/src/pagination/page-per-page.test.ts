import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { pagePerPageStrategy } from "./page-per-page.js";
import { type Serve, sharedCases, slice } from "./strategy.test-helper.js";

// A bare array page with no counts at all
const meta: PaginationMeta = { style: "page-per-page", itemsPath: "", pageParam: "page", pageSizeParam: "per_page", maxPageSize: 100 };
const serve: Serve = (all, { params }) => ({ body: slice(all, Number(params.page), Number(params.per_page)) });

describe("page-per-page", () => {
  sharedCases(meta, serve, 5, [[0, 1], [1, 1], [4, 1], [5, 2], [6, 2], [50, 11]]);

  it("without any known size, only an empty page ends the listing", () => {
    const s = pagePerPageStrategy({ ...meta, pageSizeParam: undefined });
    expect(s.nextRequest({ body: [1] }, { params: { page: 1 } })).toEqual({ params: { page: 2 } });
    expect(s.nextRequest({ body: [] }, { params: { page: 2 } })).toBeNull();
  });
});
