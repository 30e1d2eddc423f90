// The quick start's call must compile against the generated types: every required parameter gets a value.
import { describe, expect, it } from "vitest";
import { exampleCall } from "./example-call.ts";

const doc = (paths: Record<string, unknown>, components: Record<string, unknown> = {}) => ({ openapi: "3.1.0", paths, components });

describe("exampleCall", () => {
  it("prefers a GET without path parameters and fills its required query from enum, example or type", () => {
    const d = doc({
      "/books/{id}": { get: { parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }] } },
      "/books": {
        post: {},
        get: {
          parameters: [
            { name: "shelf", in: "query", required: true, schema: { type: "string", enum: ["fiction", "science"] } },
            { name: "limit", in: "query", schema: { type: "integer" } },
            { $ref: "#/components/parameters/Year" },
            { name: "X-Tenant", in: "header", required: true, example: "acme", schema: { type: "string" } },
          ],
        },
      },
    }, { parameters: { Year: { name: "year", in: "query", required: true, schema: { type: ["integer", "null"] } } } });
    expect(exampleCall(d as never)).toBe('GET("/books", { params: { query: { shelf: "fiction", year: 1 }, header: { "X-Tenant": "acme" } } })');
  });

  it("falls back to a GET with path parameters (path-item level too), then to the first operation", () => {
    const withPath = doc({ "/rockets/{rocket_id}": { parameters: [{ name: "rocket_id", in: "path", required: true, schema: { type: "integer" } }], get: {} } });
    expect(exampleCall(withPath as never)).toBe('GET("/rockets/{rocket_id}", { params: { path: { rocket_id: 1 } } })');
    expect(exampleCall(doc({ "/launch": { post: {} } }) as never)).toBe('POST("/launch")');
    expect(exampleCall(doc({}) as never)).toBe('GET("/")');
  });
});
