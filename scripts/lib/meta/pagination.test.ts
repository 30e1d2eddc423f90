import { describe, expect, it } from "vitest";
import type { PaginationMeta } from "../../../packages/runtime/src/api-meta.ts";
import { GenerateError } from "../errors.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { extractOperations } from "./operations.ts";

// Fixture builders: one small document per pagination style, shaped like the vendors that use it.
const int = (extra: object = {}) => ({ type: "integer", ...extra });
const str = (extra: object = {}) => ({ type: "string", ...extra });
const q = (name: string, schema: object = int()) => ({ name, in: "query", schema });
const arr = { type: "array", items: { type: "object", properties: { id: str() } } };
const obj = (properties: object) => ({ type: "object", properties });
const json = (schema: object, headers?: object) => ({ description: "ok", ...(headers && { headers }), content: { "application/json": { schema } } });
const get = (parameters: object[], response: object, extra: object = {}) => ({ get: { operationId: "List", parameters, responses: { "200": response }, ...extra } });
const spec = (paths: Record<string, object>, extra: object = {}): OpenApiDoc => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths, ...extra });
const paginationOf = (doc: OpenApiDoc, id = "List") => extractOperations(doc)[id]?.pagination;

const cases: [string, { given: OpenApiDoc; want: PaginationMeta | undefined }][] = [
  [
    "page-number: page + page_size, envelope with total and total_pages (Parallax)",
    {
      given: spec({ "/things": get([q("page", int({ minimum: 1 })), q("page_size", int({ maximum: 500, default: 100 }))], json(obj({ total: int(), total_pages: int(), results: arr }))) }),
      want: { style: "page-number", itemsPath: "results", pageSizeParam: "page_size", pageParam: "page", totalPath: "total", totalPagesPath: "total_pages", maxPageSize: 500, defaultPageSize: 100 },
    },
  ],
  [
    "page-count: page and a page_count field, items under a per-operation key (Clientary)",
    { given: spec({ "/invoices": get([q("page")], json(obj({ page_count: int(), invoices: arr }))) }), want: { style: "page-count", itemsPath: "invoices", pageParam: "page", totalPagesPath: "page_count" } },
  ],
  [
    "links-next: Laravel links.next + meta.last_page (StrawBlond)",
    {
      given: spec({ "/posts": get([q("page"), q("per_page", int({ maximum: 100 }))], json(obj({ data: arr, links: obj({ next: str({ nullable: true }) }), meta: obj({ current_page: int(), last_page: int(), total: int() }) }))) }),
      want: { style: "links-next", itemsPath: "data", pageSizeParam: "per_page", pageParam: "page", nextPath: "links.next", totalPagesPath: "meta.last_page", currentPagePath: "meta.current_page", totalPath: "meta.total", maxPageSize: 100 },
    },
  ],
  [
    "page-per-page: page/per_page and a bare array, no counts",
    { given: spec({ "/items": get([q("page"), q("per_page")], json(arr)) }), want: { style: "page-per-page", itemsPath: "", pageSizeParam: "per_page", pageParam: "page" } },
  ],
  [
    "cursor: starting_after + has_more (Stripe)",
    {
      given: spec({ "/v1/customers": get([q("limit", int({ maximum: 100, default: 10 })), q("starting_after", str()), q("ending_before", str())], json(obj({ object: str(), data: arr, has_more: { type: "boolean" }, url: str() }))) }),
      want: { style: "cursor", itemsPath: "data", pageSizeParam: "limit", cursorParam: "starting_after", cursorField: "id", hasMorePath: "has_more", maxPageSize: 100, defaultPageSize: 10 },
    },
  ],
  [
    "offset-limit: offset/limit with a next URL and a count (DRF LimitOffsetPagination)",
    {
      given: spec({ "/records": get([q("offset"), q("limit")], json(obj({ count: int(), next: str({ format: "uri", nullable: true }), previous: str(), results: arr }))) }),
      want: { style: "offset-limit", itemsPath: "results", pageSizeParam: "limit", offsetParam: "offset", nextPath: "next", totalPath: "count" },
    },
  ],
  [
    "next-url: next_page_url in a body envelope",
    { given: spec({ "/events": get([q("per_page")], json(obj({ items: arr, next_page_url: str() }))) }), want: { style: "next-url", itemsPath: "items", pageSizeParam: "per_page", nextPath: "next_page_url" } },
  ],
  [
    "link-header: a declared Link response header over a bare array (GitHub)",
    {
      given: spec({ "/repos": get([q("page"), q("per_page", int({ maximum: 100, default: 30 }))], json(arr, { Link: { schema: str() } })) }),
      want: { style: "link-header", itemsPath: "", pageSizeParam: "per_page", pageParam: "page", maxPageSize: 100, defaultPageSize: 30 },
    },
  ],
  [
    "pages that count from 0 say so in the page parameter's minimum",
    {
      given: spec({ "/zero": get([q("page", int({ minimum: 0 })), q("size")], json(obj({ content: arr, totalElements: int(), totalPages: int() }))) }),
      want: { style: "page-number", itemsPath: "content", pageSizeParam: "size", pageParam: "page", totalPagesPath: "totalPages", firstPage: 0 },
    },
  ],
  ["not a list: no array in the response", { given: spec({ "/me": get([q("page"), q("per_page")], json(obj({ id: str() }))) }), want: undefined }],
  ["not a list: an array but no paging parameter or marker", { given: spec({ "/tags": get([], json(arr)) }), want: undefined }],
  ["not a page number: a string `page` is a token (Stripe search)", { given: spec({ "/search": get([q("page", str()), q("limit")], json(obj({ data: arr, next_page: str(), total_count: int() }))) }), want: undefined }],
  ["page alone with no count is not enough", { given: spec({ "/few": get([q("page")], json(obj({ total: int(), results: arr }))) }), want: undefined }],
  [
    "a POST query is never detected (only its extension makes it paginate)",
    { given: spec({ "/query": { post: { operationId: "List", parameters: [q("page"), q("per_page")], responses: { "200": json(arr) } } } }), want: undefined },
  ],
];

describe("pagination detection, one fixture per style", () => {
  it.each(cases)("%s", (_, { given, want }) => {
    expect(paginationOf(given)).toEqual(want);
  });

  it("takes the items path per operation, not one global field", () => {
    const doc = spec({
      "/installation/repositories": { get: { operationId: "Repos", parameters: [q("page"), q("per_page")], responses: { "200": json(obj({ total_count: int(), repositories: arr })) } } },
      "/repos/{r}/actions/runs": { get: { operationId: "Runs", parameters: [q("page"), q("per_page")], responses: { "200": json(obj({ total_count: int(), workflow_runs: arr })) } } },
    });
    expect([paginationOf(doc, "Repos")?.itemsPath, paginationOf(doc, "Runs")?.itemsPath]).toEqual(["repositories", "workflow_runs"]);
  });

  it("picks the conventional items field when an envelope has several arrays", () => {
    const doc = spec({ "/x": get([q("page"), q("per_page")], json(obj({ data: arr, included: arr, warnings: arr }))) });
    expect(paginationOf(doc)?.itemsPath).toBe("data");
  });

  it("follows $ref parameters, $ref schemas and allOf envelopes", () => {
    const doc = spec(
      { "/things": get([{ $ref: "#/components/parameters/Page" }, { $ref: "#/components/parameters/Size" }], { $ref: "#/components/responses/Things" }) },
      {
        components: {
          parameters: { Page: q("page"), Size: q("page_size", { $ref: "#/components/schemas/Size" }) },
          schemas: { Size: int({ maximum: 50 }), Envelope: obj({ total: int() }), Page: { allOf: [{ $ref: "#/components/schemas/Envelope" }, obj({ results: arr })] } },
          responses: { Things: json({ $ref: "#/components/schemas/Page" }) },
        },
      },
    );
    expect(paginationOf(doc)).toMatchObject({ style: "page-number", itemsPath: "results", totalPath: "total", maxPageSize: 50 });
  });

  it("sees through a nullable anyOf wrapper around the envelope", () => {
    const doc = spec({ "/n": get([q("page"), q("per_page")], json({ anyOf: [obj({ data: arr, page_count: int() }), { type: "null" }] })) });
    expect(paginationOf(doc)).toEqual({ style: "page-count", itemsPath: "data", pageParam: "page", pageSizeParam: "per_page", totalPagesPath: "page_count" });
  });

  it("survives a $ref cycle", () => {
    const doc = spec({ "/loop": get([q("page"), q("per_page")], json({ $ref: "#/components/schemas/A" })) }, { components: { schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } } });
    expect(paginationOf(doc)).toBeUndefined();
  });
});

describe("x-apiforge-pagination precedence", () => {
  const pageNumberDoc = (op: object = {}, root: object = {}) =>
    spec({ "/things": get([q("page"), q("page_size", int({ maximum: 500 }))], json(obj({ total: int(), results: arr, next: str() })), op) }, root);

  it("an operation's extension beats detection, and size bounds still come from the parameter", () => {
    const doc = pageNumberDoc({ "x-apiforge-pagination": { style: "next-url", nextPath: "next", pageSizeParam: "page_size" } });
    expect(paginationOf(doc)).toEqual({ style: "next-url", itemsPath: "results", nextPath: "next", pageSizeParam: "page_size", maxPageSize: 500 });
  });

  it("`false` on an operation turns detection off", () => {
    expect(paginationOf(pageNumberDoc({ "x-apiforge-pagination": false }))).toBeUndefined();
  });

  it("a root default applies to the GET operations that have its parameters; detection covers the rest", () => {
    const doc = spec(
      {
        "/a": { get: { operationId: "A", parameters: [q("pg"), q("n")], responses: { "200": json(obj({ rows: arr })) } } },
        "/b": { get: { operationId: "B", parameters: [q("page"), q("per_page")], responses: { "200": json(arr) } } },
      },
      { "x-apiforge-pagination": { style: "page-per-page", pageParam: "pg", pageSizeParam: "n" } },
    );
    expect(paginationOf(doc, "A")).toEqual({ style: "page-per-page", itemsPath: "rows", pageParam: "pg", pageSizeParam: "n" });
    expect(paginationOf(doc, "B")?.style).toBe("page-per-page");
    expect(paginationOf(doc, "B")?.pageParam).toBe("page");
  });

  it("reads the legacy root x-pagination with its field names (Parallax)", () => {
    const doc = pageNumberDoc({}, { "x-pagination": { style: "page-number", pageParam: "page", pageSizeParam: "page_size", itemsField: "results", totalField: "total" } });
    expect(paginationOf(doc)).toEqual({ style: "page-number", itemsPath: "results", pageParam: "page", pageSizeParam: "page_size", totalPath: "total", maxPageSize: 500 });
  });

  it("a POST query service pages through its body only by extension (Sage body-start-size)", () => {
    const doc = spec({
      "/services/core/query": {
        post: {
          operationId: "Query",
          "x-apiforge-pagination": { style: "body-start-size", paramsIn: "body", offsetParam: "start", pageSizeParam: "size", itemsPath: "ia::result", nextPath: "ia::meta.next" },
          requestBody: { content: { "application/json": { schema: obj({ object: str(), start: int(), size: int({ maximum: 4000, default: 100 }) }) } } },
          responses: { "200": json(obj({ "ia::result": arr, "ia::meta": obj({ next: int() }) })) },
        },
      },
    });
    expect(paginationOf(doc, "Query")).toEqual({
      style: "body-start-size",
      itemsPath: "ia::result",
      paramsIn: "body",
      offsetParam: "start",
      pageSizeParam: "size",
      nextPath: "ia::meta.next",
      maxPageSize: 4000,
      defaultPageSize: 100,
    });
  });

  it.each([
    ["an unknown style", { style: "pages" }, /style must be one of page-number, .*got "pages"/],
    ["a misspelt field", { style: "cursor", cursorParm: "after" }, /unknown field cursorParm/],
    ["no style", { itemsPath: "data" }, /style is required/],
    ["a number where a name goes", { style: "cursor", cursorParam: 3 }, /cursorParam must be a string/],
  ])("refuses %s, naming the operation", (_, ext, message) => {
    const doc = pageNumberDoc({ "x-apiforge-pagination": ext });
    expect(() => extractOperations(doc)).toThrow(GenerateError);
    expect(() => extractOperations(doc)).toThrow(/x-apiforge-pagination on GET \/things/);
    expect(() => extractOperations(doc)).toThrow(message);
  });

  it("refuses a root default without a style", () => {
    expect(() => extractOperations(pageNumberDoc({}, { "x-apiforge-pagination": { pageParam: "page" } }))).toThrow(/x-apiforge-pagination at the root: style is required/);
  });

  it("refuses an extension without itemsPath when the response has no single array", () => {
    const doc = spec({ "/x": get([], json(obj({ a: arr, b: arr })), { "x-apiforge-pagination": { style: "next-url", nextPath: "next" } }) });
    expect(() => extractOperations(doc)).toThrow(/itemsPath is required/);
  });
});
