// Four views of one report: text for terminals, JSON for machines, markdown for a GitHub job summary,
// and `github`: workflow-command annotations (`::error title=…::…`) that GitHub shows on the run.
import type { Change, DiffReport, Level } from "./types.js";

export type ReportFormat = "text" | "json" | "markdown" | "github";

export interface FormatOptions {
  /** Names of the two sides, shown in the headings. */
  base?: string;
  head?: string;
  /** Markdown table rows before the rest is summarised (job summaries are capped at 1 MiB). @default 300 */
  maxRows?: number;
}

/** "GET /a", "GET /a and GET /b", "GET /a, GET /b and 5 more operations": a shared change names what it reaches. */
function reach(c: Change, shown = 2): string {
  const ops = c.operations?.length ? c.operations : c.operation ? [c.operation] : [];
  if (ops.length <= shown + 1) return ops.join(ops.length === 2 ? " and " : ", ").replace(/, ([^,]*)$/, " and $1");
  return `${ops.slice(0, shown).join(", ")} and ${ops.length - shown} more operations`;
}

const ICON: Record<Level, string> = { ERR: "❌", WARN: "⚠️", INFO: "ℹ️" };

function verdict(r: DiffReport): string {
  if (!r.changes.length) return "no API changes";
  if (r.counts.ERR) return `${r.counts.ERR} breaking change${r.counts.ERR === 1 ? "" : "s"}: ${r.bump} bump`;
  return `no breaking changes: ${r.bump} bump`;
}

function text(r: DiffReport, o: FormatOptions): string {
  const lines: string[] = [];
  if (o.base && o.head) lines.push(`spec:diff ${o.base} → ${o.head}`, "");
  for (const c of r.changes) {
    lines.push(`${c.level.padEnd(4)} ${c.id}${c.operation ? `  ${reach(c)}` : ""}`);
    lines.push(`     ${c.message}`);
    const where = [c.base && `base ${c.base}`, c.head && `head ${c.head}`].filter(Boolean).join("  ");
    if (where) lines.push(`     ${where}`);
  }
  if (r.changes.length) lines.push("");
  lines.push(`${r.changes.length} change${r.changes.length === 1 ? "" : "s"} (${r.counts.ERR} ERR, ${r.counts.WARN} WARN, ${r.counts.INFO} INFO): ${verdict(r)}`);
  return lines.join("\n");
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function markdown(r: DiffReport, o: FormatOptions): string {
  const max = o.maxRows ?? 300;
  const icon = r.counts.ERR ? "❌" : r.changes.length ? "✅" : "➖";
  const lines = [`### ${icon} API diff: ${verdict(r)}`, ""];
  if (o.base && o.head) lines.push(`\`${o.base}\` → \`${o.head}\``, "");
  lines.push(`**${r.counts.ERR}** ERR · **${r.counts.WARN}** WARN · **${r.counts.INFO}** INFO · bump **${r.bump}**`);
  if (r.changes.length) {
    lines.push("", "| Level | Rule | Operation | Change |", "|---|---|---|---|");
    for (const c of r.changes.slice(0, max)) lines.push(`| ${ICON[c.level]} ${c.level} | \`${c.id}\` | ${c.operation ? cell(reach(c)) : "—"} | ${cell(c.message)} |`);
    if (r.changes.length > max) lines.push("", `…and ${r.changes.length - max} more; run \`pnpm spec:diff --format json\` for the full list.`);
  }
  return lines.join("\n");
}

// workflow commands end at a newline and treat % specially: escape as the runner expects
const escData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escProp = (s: string) => escData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
const COMMAND: Record<Level, string> = { ERR: "error", WARN: "warning", INFO: "notice" };

/** One annotation per change (GitHub shows at most 10 per level per step; the summary has the rest), then the verdict. */
function github(r: DiffReport): string {
  const lines = r.changes.map((c) => `::${COMMAND[c.level]} title=${escProp(`${c.level} ${c.id}`)}::${escData(`${c.operation ? `${reach(c)}: ` : ""}${c.message}`)}`);
  lines.push(`${r.changes.length} change${r.changes.length === 1 ? "" : "s"} (${r.counts.ERR} ERR, ${r.counts.WARN} WARN, ${r.counts.INFO} INFO): ${verdict(r)}`);
  return lines.join("\n");
}

/** Renders a report. JSON is `{ changes, counts, bump }` exactly, pretty-printed. */
export function formatReport(report: DiffReport, format: ReportFormat, opts: FormatOptions = {}): string {
  if (format === "json") {
    const changes: Change[] = report.changes.map(({ id, level, operation, operations, base, head, message }) => ({ id, level, operation, operations, base, head, message }));
    return JSON.stringify({ changes, counts: report.counts, bump: report.bump }, null, 2);
  }
  if (format === "github") return github(report);
  return format === "markdown" ? markdown(report, opts) : text(report, opts);
}
