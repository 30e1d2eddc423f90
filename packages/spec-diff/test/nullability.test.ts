// 3.0 spells "may be null" as `nullable: true`; 3.1 as `type: [x, "null"]`, a null enum member or a
// `{type: "null"}` branch. The same contract in either spelling must diff as no change.
import { describe, expect, it } from "vitest";
import { shop } from "./fixtures/index.js";
import { diffSpecs } from "../src/index.js";

/** The shop fixture as a 3.0 document: every 3.1 null spelling rewritten to `nullable: true`. */
function shop30(): Record<string, any> {
  const doc = shop();
  doc.openapi = "3.0.3";
  doc.components.schemas.ItemBase.properties.note = { type: "string", nullable: true };
  return doc;
}

const ids = (b: Record<string, any>, h: Record<string, any>) => diffSpecs(b, h).changes.map((c) => `${c.level} ${c.id}`);
const note = (doc: Record<string, any>) => doc.components.schemas.ItemBase.properties;

describe("3.0 nullable vs 3.1 type null", () => {
  it.each([
    ["3.1 → 3.0", shop, shop30],
    ["3.0 → 3.1", shop30, shop],
  ])("the same nullable property diffs as no change (%s)", (_, base, head) => {
    expect(ids(base(), head())).toEqual([]);
  });

  it.each([
    ["type: [string, null]", { type: ["string", "null"] }],
    ["a null enum member", { type: ["string", "null"], enum: ["a", "b", null] }],
    ["oneOf with a null branch", { oneOf: [{ type: "string" }, { type: "null" }] }],
  ])("3.1 %s equals 3.0 nullable", (_, schema31) => {
    const b = shop30();
    const h = shop();
    const n30 = { type: "string", nullable: true, ...("enum" in schema31 ? { enum: ["a", "b"] } : {}) };
    note(b).note = n30;
    note(h).note = schema31;
    expect(ids(b, h)).toEqual([]);
  });

  it("3.1 oneOf [$ref, null] equals 3.0 allOf [$ref] + nullable", () => {
    const b = shop30();
    const h = shop();
    b.components.schemas.Item.allOf[1].properties.buyer = { allOf: [{ $ref: "#/components/schemas/Person" }], nullable: true };
    h.components.schemas.Item.allOf[1].properties.buyer = { oneOf: [{ $ref: "#/components/schemas/Person" }, { type: "null" }] };
    expect(ids(b, h)).toEqual([]);
  });

  it.each([
    ["3.0", shop30, (d: any) => (note(d).note = { type: "string" })],
    ["3.1", shop, (d: any) => (note(d).note = { type: "string" })],
  ])("a request property that stops accepting null is ERR in %s", (_, make, mutate) => {
    const h = make();
    mutate(h);
    // ItemBase is both sent (POST body) and returned: the request side breaks, the response side narrows
    expect(ids(make(), h)).toContain("ERR request-property-became-not-nullable");
    expect(ids(make(), h)).toContain("INFO response-property-became-not-nullable");
  });

  it.each([
    ["3.0", shop30, { type: "string", nullable: true }],
    ["3.1", shop, { type: ["string", "null"] }],
  ])("a response property that may now be null is ERR in %s, reported once with the operations it reaches", (_, make, schema) => {
    const h = make();
    h.components.schemas.Item.allOf[1].properties.id = schema;
    const { changes } = diffSpecs(make(), h);
    expect(changes.map((c) => `${c.level} ${c.id}`)).toEqual(["ERR response-property-became-nullable"]);
    expect(changes[0]!.operations).toEqual(["GET /v1/items", "GET /v1/items/{id}", "POST /v1/items"]);
  });
});
