// Table-driven: every corpus mutation of the committed spec must produce exactly its expected
// rule ids, levels and bump.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../packages/spec-diff/src/index.ts";
import { RULES } from "../../packages/spec-diff/src/rules.ts";
import { extractFacts } from "../lib/spec-facts.ts";
import { CORPUS, baseDoc, mutated } from "./corpus/index.ts";

describe("diff corpus", () => {
  it("has at least 40 cases with unique names and known rule ids", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
    for (const c of CORPUS) for (const w of c.want) expect(RULES[w.split(" ")[1]!]?.level, `${c.name}: ${w}`).toBe(w.split(" ")[0]);
  });

  it("the committed spec diffed with itself has no change", () => {
    expect(diffSpecs(baseDoc(), baseDoc(), { extractFacts }).changes).toEqual([]);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const report = diffSpecs(baseDoc(), mutated(c), { extractFacts });
    const got = [...new Set(report.changes.map((x) => `${x.level} ${x.id}`))].sort();
    expect(got).toEqual([...c.want].sort());
    expect(report.bump).toBe(c.bump);
    for (const x of report.changes) {
      expect(x.base ?? x.head, `${x.id} has a pointer`).toMatch(/^#\//);
      expect(x.message.length).toBeGreaterThan(0);
    }
  });
});
