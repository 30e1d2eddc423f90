// The schema-level corpus: every case at every place it applies to, in 3.1 and (where 3.0 can say
// it) in 3.0, must report exactly the listed `LEVEL rule-id` pairs, no more and no fewer.
import { describe, expect, it } from "vitest";
import { diffSpecs, RULES } from "../src/index.js";
import { docWith, PLACES, type PlaceName, type Version } from "./corpus/build.js";
import { SCHEMA_CASES, type SchemaCase } from "./corpus/schema-cases.js";

const CHILD: Record<PlaceName, string> = {
  "request-parameter": "request-parameter",
  "request-body": "request-property",
  "request-property": "request-property",
  "response-body": "response-property",
  "response-property": "response-property",
  "response-header": "response-header",
};

/** `ERR type-changed` at request-body → `ERR request-body-type-changed`. */
export function expected(c: SchemaCase, place: PlaceName): string[] {
  const list = place.startsWith("request") ? c.request : c.response;
  return list.map((w) => {
    if (w.startsWith("=")) return w.slice(1);
    const [level, suffix] = w.split(" ") as [string, string];
    return suffix.startsWith("~") ? `${level} ${CHILD[place]}-${suffix.slice(1)}` : `${level} ${place}-${suffix}`;
  });
}

export const RUNS = SCHEMA_CASES.flatMap((c) =>
  (c.places ?? PLACES).flatMap((place) =>
    (["3.1", "3.0"] as Version[]).flatMap((version) => {
      const base = docWith(c.base, place, version);
      const head = docWith(c.head, place, version);
      return base && head ? [{ name: `${c.name} (${place}, ${version})`, c, place, base, head }] : [];
    }),
  ),
);

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
