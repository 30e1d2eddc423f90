import { describe, expect, it } from "vitest";
import { joinDocuments, SpecJoinError } from "./join.ts";
import type { OpenApiDoc } from "./spec-doc.ts";

const error = { type: "object", properties: { message: { type: "string" } } };
const doc = (paths: string[], schemas: Record<string, unknown>, extra: Partial<OpenApiDoc> = {}): OpenApiDoc => ({
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  servers: [{ url: "https://api.example.test/v1" }],
  paths: Object.fromEntries(paths.map((p) => [p, { get: { responses: { 200: { description: "ok" } } } }])),
  components: { schemas },
  ...extra,
});

describe("joinDocuments", () => {
  it("unions paths and components, keeping one copy of a component both declare identically", () => {
    const joined = joinDocuments([
      { name: "a.json", doc: doc(["/a"], { error, a: { type: "string" } }, { tags: [{ name: "A" }] }) },
      { name: "b.json", doc: doc(["/b"], { error, b: { type: "integer" } }, { tags: [{ name: "B" }, { name: "A" }] }) },
    ]);
    expect(Object.keys(joined.paths!)).toEqual(["/a", "/b"]);
    expect(Object.keys(joined.components!.schemas)).toEqual(["error", "a", "b"]);
    expect(joined.tags!.map((t: { name: string }) => t.name)).toEqual(["A", "B"]);
  });

  it("refuses a component that differs between documents, naming both", () => {
    const run = () =>
      joinDocuments([
        { name: "a.json", doc: doc(["/a"], { error }) },
        { name: "b.json", doc: doc(["/b"], { error: { type: "string" } }) },
      ]);
    expect(run).toThrow(SpecJoinError);
    expect(run).toThrow(/components\.schemas\.error differs between a\.json and b\.json/);
  });

  it("refuses a path declared twice and servers that differ", () => {
    expect(() => joinDocuments([{ name: "a", doc: doc(["/x"], {}) }, { name: "b", doc: doc(["/x"], {}) }])).toThrow(/Both a and b declare the path \/x/);
    expect(() =>
      joinDocuments([{ name: "a", doc: doc(["/x"], {}) }, { name: "b", doc: doc(["/y"], {}, { servers: [{ url: "https://other.test" }] }) }]),
    ).toThrow(/b lists servers/);
  });

  it("leaves its inputs untouched", () => {
    const a = doc(["/a"], { error });
    const before = structuredClone(a);
    joinDocuments([{ name: "a", doc: a }, { name: "b", doc: doc(["/b"], { error }) }]);
    expect(a).toEqual(before);
  });
});
