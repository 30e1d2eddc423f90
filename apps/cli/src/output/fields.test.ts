import { describe, expect, it } from "vitest";
import { columnsOf, flatten, parseFields, pick, rowOf } from "./fields.js";

const item = { id: 1, person: { id: 7, name: "Ada", team: { code: "x" } }, tags: ["a", "b"], note: null, meta: {} };

describe("fields", () => {
  it("flattens nested objects into dotted keys; arrays and empty objects stay JSON text", () => {
    expect(flatten(item)).toEqual({ id: 1, "person.id": 7, "person.name": "Ada", "person.team.code": "x", tags: '["a","b"]', note: null, meta: "{}" });
  });

  it("picks dotted paths keeping their nesting, skipping absent ones", () => {
    expect(pick(item, ["id", "person.name", "missing.x"])).toEqual({ id: 1, person: { name: "Ada" } });
  });

  it("columns: --fields in order, else every flattened key of the sample in first-seen order", () => {
    expect(columnsOf([item], ["person.name", "id"])).toEqual(["person.name", "id"]);
    expect(columnsOf([{ a: 1 }, { b: { c: 2 }, a: 3 }], undefined)).toEqual(["a", "b.c"]);
    expect(rowOf(item, ["id", "person.team", "tags", "note", "nope"])).toEqual([1, '{"code":"x"}', '["a","b"]', "", ""]);
  });

  it("--fields parsing drops empty entries", () => {
    expect(parseFields(" id, ,person.name ")).toEqual(["id", "person.name"]);
    expect(parseFields(",")).toBeUndefined();
  });
});
