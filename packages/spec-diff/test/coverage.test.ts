// How much of oasdiff's catalogue (test/oasdiff/catalog.ts) this engine covers: for the areas a
// generated client meets (schemas, parameters, request bodies, responses, headers, security), the
// share of oasdiff's ids that are in our rules table *and* expected by a corpus case.
import { describe, expect, it } from "vitest";
import { RULES } from "../src/index.js";
import { coveredIds } from "./corpus/covered.js";
import { OASDIFF } from "./oasdiff/catalog.js";

const AREAS = new Set(["Schema", "Parameters", "RequestBody", "Responses", "Headers", "Security"]);

describe("oasdiff catalogue coverage", () => {
  const applicable = Object.keys(OASDIFF).filter((id) => AREAS.has(OASDIFF[id]!.area));
  const covered = coveredIds();
  const both = applicable.filter((id) => RULES[id] && covered.has(id));

  it("at least 80 % of oasdiff's client-facing ids have a rule here and a corpus case", () => {
    const missing = applicable.filter((id) => !both.includes(id));
    console.log(`oasdiff ids in client-facing areas: ${applicable.length}; with a rule and a case here: ${both.length} (${((100 * both.length) / applicable.length).toFixed(1)} %)\nnot covered: ${missing.join(", ")}`);
    expect(both.length / applicable.length).toBeGreaterThanOrEqual(0.8);
  });

  it("every rule in the table is expected by at least one corpus case, except the SDK constants", () => {
    // sdk-* rules need a facts extractor: the repository's corpus (scripts/test/corpus) covers them
    const untested = Object.keys(RULES).filter((id) => !covered.has(id) && !id.startsWith("sdk-"));
    expect(untested.length, untested.join(", ")).toBeLessThan(Object.keys(RULES).length * 0.35);
  });
});
