import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import { nextLink, parseLinkHeader } from "./link-header.js";
import { type Serve, sharedCases } from "./strategy.test-helper.js";

// GitHub: a bare array body, `Link: <…&page=2>; rel="next", <…&page=9>; rel="last"`
const meta: PaginationMeta = { style: "link-header", itemsPath: "", pageSizeParam: "per_page", maxPageSize: 100 };
const serve: Serve = (all, request) => {
  const url = new URL(request.url ?? `https://api.x.test/repos?per_page=${request.params.per_page}`);
  const at = url.href;
  const page = Number(url.searchParams.get("page") ?? 1);
  const size = Number(url.searchParams.get("per_page"));
  const last = Math.ceil(all.length / size);
  const links = [`<https://api.x.test/repos?per_page=${size}&page=1>; rel="first"`];
  if (page < last) links.push(`</repos?per_page=${size}&page=${page + 1}>; rel="next"`, `<https://api.x.test/repos?per_page=${size}&page=${last}>; rel="last"`);
  return { body: all.slice((page - 1) * size, page * size), headers: new Headers({ link: links.join(", ") }), url: at };
};

describe("link-header", () => {
  sharedCases(meta, serve, 5, [[0, 1], [1, 1], [5, 1], [6, 2], [51, 11]]);
});

describe("parseLinkHeader (RFC 8288)", () => {
  it("reads targets, rel values and quoted parameters", () => {
    const links = parseLinkHeader('<https://a.test/?page=2&x=1>; rel="next prefetch"; title="a, b; c", <https://a.test/?page=5>;rel=last');
    expect(links).toEqual([
      { url: "https://a.test/?page=2&x=1", rel: ["next", "prefetch"], params: { rel: "next prefetch", title: "a, b; c" } },
      { url: "https://a.test/?page=5", rel: ["last"], params: { rel: "last" } },
    ]);
  });

  it("returns nothing for an absent or malformed header", () => {
    expect(parseLinkHeader(null)).toEqual([]);
    expect(parseLinkHeader("not a link")).toEqual([]);
  });

  it("resolves a relative next link against the page URL", () => {
    expect(nextLink(new Headers({ link: '</items?page=3>; rel="next"' }), "https://a.test/v1/items?page=2")).toBe("https://a.test/items?page=3");
    expect(nextLink(new Headers({ link: '<https://a.test/?page=1>; rel="prev"' }))).toBeUndefined();
  });
});
