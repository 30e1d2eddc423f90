// The README's rule table, built from the rules table and oasdiff's catalogue: our id, oasdiff's id
// (the same, or — where oasdiff has none), our level and bump, oasdiff's level, and why they differ.
import { RULES } from "../../src/index.js";
import { coveredIds } from "../corpus/covered.js";
import { OASDIFF } from "../oasdiff/catalog.js";

export const BEGIN = "<!-- rule-table:begin (pnpm --filter @apiforge/spec-diff rule-table) -->";
export const END = "<!-- rule-table:end -->";

const cell = (s: string) => s.replace(/\|/g, "\\|");

export function ruleTable(): string {
  const covered = coveredIds();
  const ids = Object.keys(RULES).sort();
  const lines = [
    BEGIN,
    "",
    "| rule id | oasdiff id | level here | bump | oasdiff level | corpus case | why the levels differ |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const id of ids) {
    const r = RULES[id]!;
    const o = OASDIFF[id];
    const differs = o && o.level !== r.level;
    const why = differs ? (r.why ?? "").replace(/^oasdiff: [A-Z]+\. ?/, "") : "";
    lines.push(`| \`${id}\` | ${o ? "same" : "—"} | ${r.level} | ${r.bump} | ${o ? o.level : "—"} | ${covered.has(id) ? "yes" : "—"} | ${cell(why)} |`);
  }
  const ours = ids.length;
  const shared = ids.filter((id) => OASDIFF[id]).length;
  const differ = ids.filter((id) => OASDIFF[id] && OASDIFF[id]!.level !== RULES[id]!.level).length;
  lines.push("", `${ours} rules; ${shared} share oasdiff's id, ${differ} of them at a different level (reason in the last column).`, "", END);
  return lines.join("\n");
}
