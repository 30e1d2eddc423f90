import { describe, expect, it } from "vitest";
import { extractFacts } from "./spec-facts.ts";
import type { OpenApiDoc } from "./spec-doc.ts";

const envelope = {
  type: "object",
  properties: { total: { type: "integer" }, results: { type: "array", items: { type: "object" } } },
};
const listOp = (params: object[]) => ({
  get: { operationId: "ListThings", parameters: params, responses: { "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Page" } } } } } },
});
const pageParams = [
  { $ref: "#/components/parameters/page" },
  { name: "page_size", in: "query", schema: { type: "integer", maximum: 200, default: 100 } },
];
const doc = (extra: Partial<OpenApiDoc> = {}): OpenApiDoc => ({
  openapi: "3.1.0",
  paths: { "/things": listOp(pageParams) },
  components: { schemas: { Page: envelope }, parameters: { page: { name: "page", in: "query", schema: { type: "integer" } } } },
  ...extra,
});

describe("extractFacts", () => {
  it("finds page-number pagination by convention, through $ref parameters and schemas", () => {
    const f = extractFacts(doc());
    expect(f.pagination).toEqual({ style: "page-number", pageParam: "page", pageSizeParam: "page_size", itemsField: "results", totalField: "total", maxPageSize: 200, defaultPageSize: 100 });
    expect(f.paginatedOperations).toEqual([{ method: "get", path: "/things", operationId: "ListThings" }]);
  });

  it("prefers the spec's own x-pagination description", () => {
    const f = extractFacts(doc({ "x-pagination": { style: "page-number", pageParam: "page", pageSizeParam: "page_size", itemsField: "results", totalPagesField: "pages" } }));
    expect(f.pagination).toMatchObject({ totalPagesField: "pages" });
    expect(f.pagination?.totalField).toBeUndefined();
  });

  it("takes the smallest page-size maximum over every paginated operation", () => {
    const d = doc();
    d.paths!["/others"] = { get: { ...listOp([pageParams[0]!, { name: "page_size", in: "query", schema: { type: "integer", maximum: 50 } }]).get, operationId: "ListOthers" } };
    expect(extractFacts(d).pagination?.maxPageSize).toBe(50);
    expect(extractFacts(d).paginatedOperations.map((o) => o.operationId)).toEqual(["ListThings", "ListOthers"]);
  });

  it("does not call an operation paginated without both page parameters", () => {
    const d = doc();
    d.paths!["/things"] = listOp([pageParams[0]!]);
    expect(extractFacts(d)).toMatchObject({ pagination: null, paginatedOperations: [] });
  });

  it("reads the rate limit from x-rate-limit in seconds or milliseconds", () => {
    expect(extractFacts(doc({ "x-rate-limit": { limit: 100, windowSeconds: 60 } })).rateLimit).toEqual({ limit: 100, windowMs: 60_000 });
    expect(extractFacts(doc({ "x-rate-limit": { limit: 5, windowMs: 1000 } })).rateLimit).toEqual({ limit: 5, windowMs: 1000 });
    expect(extractFacts(doc()).rateLimit).toBeNull();
  });

  it("finds bulk limits on array bodies and on array fields of object bodies, through allOf", () => {
    const d = doc();
    d.paths!["/bulk"] = {
      post: { operationId: "BulkA", requestBody: { content: { "application/json": { schema: { type: "array", maxItems: 100, items: {} } } } }, responses: {} },
      put: {
        operationId: "BulkB",
        requestBody: { content: { "application/json": { schema: { allOf: [{ type: "object", properties: { entries: { type: "array", maxItems: 25 } } }] } } } },
        responses: {},
      },
    };
    expect(extractFacts(d).bulkOperations).toEqual([
      { method: "put", path: "/bulk", operationId: "BulkB", maxItems: 25, field: "entries" },
      { method: "post", path: "/bulk", operationId: "BulkA", maxItems: 100 },
    ]);
  });

  it("survives a $ref cycle", () => {
    const d = doc();
    d.components!.schemas = { Page: { $ref: "#/components/schemas/Loop" }, Loop: { $ref: "#/components/schemas/Page" } };
    expect(extractFacts(d).paginatedOperations).toEqual([]);
  });
});
