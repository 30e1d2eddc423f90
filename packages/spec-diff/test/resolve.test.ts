import { describe, expect, it } from "vitest";
import { shop } from "./fixtures/index.js";
import { diffSpecs } from "../src/index.js";
import { RefResolver, ptr } from "../src/resolve.js";

describe("ptr", () => {
  it("escapes ~ and / per RFC 6901", () => {
    expect(ptr("#/paths", "/v1/a~b", "get")).toBe("#/paths/~1v1~1a~0b/get");
  });
});

describe("RefResolver", () => {
  const doc = {
    components: {
      schemas: {
        A: { $ref: "#/components/schemas/B" },
        B: { type: "string", description: "b" },
        Loop1: { $ref: "#/components/schemas/Loop2" },
        Loop2: { $ref: "#/components/schemas/Loop1" },
        "a/b": { type: "integer" },
      },
    },
  };
  const r = new RefResolver(doc);
  it.each([
    ["a chain to its end, pointing at the target", { $ref: "#/components/schemas/A" }, { at: "#/components/schemas/B", type: "string" }],
    ["an escaped key", { $ref: "#/components/schemas/a~1b" }, { at: "#/components/schemas/a~1b", type: "integer" }],
    ["an inline node as is", { type: "boolean" }, { at: "#/x", type: "boolean" }],
  ])("follows %s", (_, node, want) => {
    const got = r.resolve(node, "#/x");
    expect({ at: got.at, type: got.node?.type }).toEqual(want);
  });
  it("stops on a ref-only cycle instead of looping", () => {
    expect(r.resolve({ $ref: "#/components/schemas/Loop1" }, "#/x")).toMatchObject({ node: undefined, problem: "cycle" });
  });
  it("reports a broken ref", () => {
    expect(r.resolve({ $ref: "#/components/schemas/Nope" }, "#/x")).toMatchObject({ node: undefined, problem: "broken" });
  });
  it("leaves external refs alone", () => {
    expect(r.resolve({ $ref: "other.yaml#/X" }, "#/x")).toMatchObject({ external: "other.yaml#/X" });
  });
  it("lets 3.1 sibling keywords override the target", () => {
    expect(r.resolve({ $ref: "#/components/schemas/B", description: "here" }, "#/x").node).toEqual({ type: "string", description: "here" });
  });
});

describe("recursive schemas", () => {
  it("an unchanged self-referencing schema yields no change and terminates", () => {
    expect(diffSpecs(shop(), shop()).changes).toEqual([]);
  });
  it("finds a change inside the cycle once per operation", () => {
    const head = shop();
    head.components.schemas.Category.properties.name.type = "integer";
    const { changes } = diffSpecs(shop(), head);
    expect(changes.map((c) => [c.id, c.operation, c.head])).toEqual([
      ["response-property-type-changed", "GET /v1/categories/{id}", "#/components/schemas/Category/properties/name"],
    ]);
  });
  it("handles a cycle that only exists on one side", () => {
    const base = shop();
    base.components.schemas.Category.properties.children.items = { type: "object", properties: { name: { type: "string" } } };
    const { changes } = diffSpecs(base, shop());
    // the base's inline child had only `name`; the head's child is a Category, so it gains the rest
    expect(changes.map((c) => [c.id, c.head])).toEqual([
      ["response-optional-property-added", "#/components/schemas/Category/properties/children"],
      ["response-optional-property-added", "#/components/schemas/Category/properties/parent"],
    ]);
  });
  it("names every operation that reaches a change through a cycle, whichever was compared first", () => {
    const doc = (leaf: string) => ({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: Object.fromEntries(
        ["A", "B"].map((n) => [`/${n.toLowerCase()}`, { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { item: { $ref: `#/components/schemas/${n}` } } } } } } } } }]),
      ),
      components: {
        schemas: {
          A: { type: "object", properties: { leaf: { type: leaf }, next: { $ref: "#/components/schemas/B" } } },
          B: { type: "object", properties: { prev: { $ref: "#/components/schemas/A" } } },
        },
      },
    });
    // GET /a compares A, then B, then meets A again (still open: the cycle ends there); GET /b then
    // meets B, already compared, whose comparison never reached A's change itself
    const { changes } = diffSpecs(doc("string"), doc("integer"));
    expect(changes.map((c) => [c.id, c.operations])).toEqual([["response-property-type-changed", ["GET /a", "GET /b"]]]);
  });

  it("survives a mutual ref-only cycle on the head side", () => {
    const head = shop();
    head.components.schemas.Team = { $ref: "#/components/schemas/Team2" };
    head.components.schemas.Team2 = { $ref: "#/components/schemas/Team" };
    expect(() => diffSpecs(shop(), head)).not.toThrow();
  });
});
