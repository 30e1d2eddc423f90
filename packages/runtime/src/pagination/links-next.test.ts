import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { linksNextStrategy } from "./links-next.js";
import { type Serve, sharedCases, slice } from "./strategy.test-helper.js";

// Laravel: `{ data, links: { first, last, prev, next }, meta: { current_page, last_page, per_page, total } }`
const meta: PaginationMeta = {
  style: "links-next", itemsPath: "data", pageParam: "page", pageSizeParam: "per_page", nextPath: "links.next",
  currentPagePath: "meta.current_page", totalPagesPath: "meta.last_page", totalPath: "meta.total", maxPageSize: 50,
};
const serve: Serve = (all, { params }) => {
  const page = Number(params.page);
  const size = Number(params.per_page);
  const last = Math.max(1, Math.ceil(all.length / size));
  const next = page < last ? `https://api.example.test/api/project?page=${page + 1}` : null;
  return { body: { data: slice(all, page, size), links: { next }, meta: { current_page: page, last_page: last, per_page: size, total: all.length } } };
};

describe("links-next", () => {
  sharedCases(meta, serve, 5, [[0, 1], [1, 1], [5, 1], [6, 2], [50, 10], [51, 11]]);

  it("follows links.next alone when the envelope has no meta", () => {
    const s = linksNextStrategy({ ...meta, currentPagePath: undefined, totalPagesPath: undefined });
    const request = { params: { page: 1, per_page: 2 } };
    expect(s.nextRequest({ body: { data: [1, 2], links: { next: "https://x.test/?page=2" } } }, request)).toEqual({ params: { page: 2, per_page: 2 } });
    expect(s.nextRequest({ body: { data: [1, 2], links: { next: null } } }, request)).toBeNull();
  });

  it("follows meta.current_page < meta.last_page when links are absent", () => {
    const s = linksNextStrategy({ ...meta, nextPath: undefined });
    const request = { params: { page: 1, per_page: 2 } };
    expect(s.nextRequest({ body: { data: [1, 2], meta: { current_page: 1, last_page: 2 } } }, request)).toEqual({ params: { page: 2, per_page: 2 } });
    expect(s.nextRequest({ body: { data: [1, 2], meta: { current_page: 2, last_page: 2 } } }, request)).toBeNull();
  });
});
