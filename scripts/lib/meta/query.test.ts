import { describe, expect, it } from "vitest";
import type { OpenApiDoc } from "../spec-doc.ts";
import { extractQueryStyles } from "./query.ts";

const doc = (params: Record<string, unknown>[], more: Record<string, unknown>[] = []): OpenApiDoc => ({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/a": { get: { parameters: params, responses: { 200: { description: "ok" } } } },
    "/b": { get: { parameters: more, responses: { 200: { description: "ok" } } } },
  },
});
const include = (explode: boolean) => ({ name: "include", in: "query", style: "form", explode, schema: { type: "array", items: { type: "string" } } });
const filter = { name: "filter", in: "query", style: "deepObject", explode: true, schema: { type: "object", properties: { a: { type: "string" } } } };

describe("extractQueryStyles", () => {
  it("records only parameters openapi-fetch would serialise differently", () => {
    expect(extractQueryStyles(doc([include(false), filter, { name: "page", in: "query", schema: { type: "integer" } }]))).toEqual({ include: { style: "form", explode: false } });
  });

  it("is undefined when every array and object parameter uses the defaults", () => {
    expect(extractQueryStyles(doc([include(true), filter]))).toBeUndefined();
  });

  it("refuses one name declared two ways, naming both operations", () => {
    expect(() => extractQueryStyles(doc([include(false)], [include(true)]))).toThrow(/"include" is serialised as form\/explode=false in GET \/a but form\/explode=true in GET \/b/);
  });
});
