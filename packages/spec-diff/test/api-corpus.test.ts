// The API-level corpus: each edit of api-base.yaml must report exactly its `LEVEL rule-id` pairs.
import { describe, expect, it } from "vitest";
import { diffSpecs, RULES } from "../src/index.js";
import { API_CASES, apiBase } from "./corpus/api-cases.js";

describe("API corpus", () => {
  it("has unique names and names rules that exist at the levels the rules table gives", () => {
    expect(new Set(API_CASES.map((c) => c.name)).size).toBe(API_CASES.length);
    for (const c of API_CASES) for (const w of c.want) expect(RULES[w.split(" ")[1]!]?.level, `${c.name}: ${w}`).toBe(w.split(" ")[0]);
  });

  it("the base diffed with itself has no change, lifecycle rules on or off", () => {
    expect(diffSpecs(apiBase(), apiBase()).changes).toEqual([]);
    expect(diffSpecs(apiBase(), apiBase(), { lifecycle: { requireSunset: true } }).changes).toEqual([]);
  });

  it.each(API_CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const head = apiBase();
    c.edit(head);
    const got = [...new Set(diffSpecs(apiBase(), head, c.options).changes.map((x) => `${x.level} ${x.id}`))].sort();
    expect(got).toEqual([...c.want].sort());
  });
});
