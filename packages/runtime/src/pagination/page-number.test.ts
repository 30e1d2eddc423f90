import { describe, expect, it } from "vitest";
import { PaginationError } from "./errors.js";
import { type PageNumberConfig, pageNumberStrategy } from "./page-number.js";

const base = { pageParam: "page", pageSizeParam: "page_size", itemsField: "results" } satisfies PageNumberConfig;
const full = { ...base, totalField: "total", totalPagesField: "total_pages" } satisfies PageNumberConfig;
const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("pageNumberStrategy.nextRequest", () => {
  const cases: [string, { config: PageNumberConfig; page: number; size: number; envelope: Record<string, unknown> }, number | null][] = [
    ["short page ends the listing", { config: full, page: 1, size: 500, envelope: { results: items(499), total: 9999, total_pages: 20 } }, null],
    ["empty page ends the listing", { config: base, page: 1, size: 500, envelope: { results: [] } }, null],
    ["full page reaching total ends it", { config: full, page: 2, size: 500, envelope: { results: items(500), total: 1000 } }, null],
    ["full page on the last of total_pages ends it", { config: full, page: 3, size: 500, envelope: { results: items(500), total_pages: 3 } }, null],
    ["full page below total continues", { config: full, page: 1, size: 500, envelope: { results: items(500), total: 501, total_pages: 2 } }, 2],
    ["without counts a full page continues", { config: base, page: 1, size: 500, envelope: { results: items(500), total: 500 } }, 2],
    ["ignores counts that are not numbers", { config: full, page: 1, size: 2, envelope: { results: items(2), total: "2", total_pages: null } }, 2],
    ["zero-based pages count from 0", { config: { ...full, firstPage: 0 }, page: 1, size: 10, envelope: { results: items(10), total_pages: 2 } }, null],
  ];
  it.each(cases)("%s", (_, { config, page, size, envelope }, want) => {
    const next = pageNumberStrategy(config).nextRequest(envelope, { page, pageSize: size });
    expect(next).toEqual(want === null ? null : { page: want, pageSize: size });
  });
});

describe("pageNumberStrategy helpers", () => {
  const s = pageNumberStrategy<number>({ ...full, pageParam: "p", pageSizeParam: "n" });

  it("builds the query with the configured parameter names", () => {
    expect(s.query({ page: 3, pageSize: 50 })).toEqual({ p: 3, n: 50 });
  });

  it("reads items and total", () => {
    expect(s.items({ results: [1, 2] })).toEqual([1, 2]);
    expect(s.total?.({ results: [], total: 7 })).toBe(7);
    expect(s.total?.({ results: [] })).toBeUndefined();
  });

  it.each([
    ["a missing items field", { total: 1 }],
    ["a non-array items field", { results: {} }],
    ["a page that is not an object", null],
  ])("rejects %s", (_, page) => {
    expect(() => s.items(page)).toThrow(PaginationError);
  });

  it.each([
    [0, undefined],
    [2.5, undefined],
    [10, 0],
  ])("rejects first(%s, %s)", (size, start) => {
    expect(() => s.first(size, start)).toThrow(PaginationError);
  });

  it("starts at firstPage or the given start page", () => {
    expect(s.first(100)).toEqual({ page: 1, pageSize: 100 });
    expect(s.first(100, 4)).toEqual({ page: 4, pageSize: 100 });
  });
});
