// The schema-level corpus: every case at every place it applies to, in 3.1 and (where 3.0 can say
// it) in 3.0, must report exactly the listed `LEVEL rule-id` pairs, no more and no fewer.
import { describe, expect, it } from "vitest";
import { diffSpecs, RULES } from "../src/index.js";
import { expected, RUNS } from "./corpus/runs.js";

describe("schema corpus", () => {
  it("names rules that exist at the levels the rules table gives", () => {
    for (const r of RUNS) for (const w of expected(r.c, r.place)) expect(RULES[w.split(" ")[1]!]?.level, `${r.name}: ${w}`).toBe(w.split(" ")[0]);
  });

  it.each(RUNS.map((r) => [r.name, r] as const))("%s", (_, r) => {
    const got = [...new Set(diffSpecs(r.base, r.head).changes.map((x) => `${x.level} ${x.id}`))].sort();
    expect(got).toEqual(expected(r.c, r.place).sort());
  });

  it("the unchanged documents diff as nothing", () => {
    for (const r of RUNS) expect(diffSpecs(r.base, structuredClone(r.base)).changes, r.name).toEqual([]);
  });
});
