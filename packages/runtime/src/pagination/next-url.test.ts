import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { nextUrlStrategy } from "./next-url.js";
import { type Serve, sharedCases } from "./strategy.test-helper.js";

// `{ data, next_page_url }` with an absolute URL (Laravel simplePaginate, many others)
const meta: PaginationMeta = { style: "next-url", itemsPath: "data", nextPath: "next_page_url", pageSizeParam: "per_page" };
const serve: Serve = (all, request) => {
  const url = new URL(request.url ?? `https://x.test/items?per_page=${request.params.per_page}`);
  const page = Number(url.searchParams.get("page") ?? 1);
  const size = Number(url.searchParams.get("per_page"));
  const data = all.slice((page - 1) * size, page * size);
  const next = page * size < all.length ? `https://x.test/items?per_page=${size}&page=${page + 1}` : null;
  return { body: { data, next_page_url: next } };
};

describe("next-url", () => {
  sharedCases(meta, serve, 5, [[0, 1], [1, 1], [5, 1], [6, 2], [51, 11]]);

  it("requests the body's URL as given, and stops on null", () => {
    const s = nextUrlStrategy(meta);
    expect(s.nextRequest({ body: { data: [1], next_page_url: "https://x.test/p2" } }, { params: {} })).toEqual({ params: {}, url: "https://x.test/p2" });
    expect(s.nextRequest({ body: { data: [1], next_page_url: null } }, { params: {} })).toBeNull();
  });
});
