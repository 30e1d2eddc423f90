// The rule table in README.md is generated (scripts/rule-table.ts): it must match the rules table.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BEGIN, END, ruleTable } from "./support/rule-table.js";

describe("README rule table", () => {
  it("is current (run `pnpm --filter @apiforge/spec-diff rule-table` to rewrite it)", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const start = readme.indexOf(BEGIN);
    expect(start, "README.md has no rule-table markers").toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, readme.indexOf(END) + END.length)).toBe(ruleTable());
  });

  it("gives a reason for every level that differs from oasdiff's", () => {
    const rows = ruleTable().split("\n").filter((l) => l.startsWith("| `"));
    const differing = rows.map((r) => r.split(" | ")).filter((c) => c[4] !== "—" && c[2] !== c[4]);
    expect(differing.filter((c) => !c[6]?.replace(/ \|$/, "").trim()).map((c) => c[0])).toEqual([]);
  });
});
