// pnpm spec:diff --base <file|git-ref:path> --head <file|git-ref:path> [--format text|json|markdown]
//   [--fail-on ERR|WARN|INFO] [--facts <json file>]
// Classifies every change between two OpenAPI 3.x documents. Exit 1 when a change at or above
// --fail-on exists, 0 otherwise, 2 on bad input.
import { readFileSync } from "node:fs";
import { parseFlags, run } from "./lib/cli.ts";
import { DiffInputError, diffSpecs, formatReport, loadSpec, type Level, type ReportFormat } from "./lib/diff/index.ts";
import { UsageError } from "./lib/errors.ts";
import type { SpecFacts } from "./lib/spec-facts.ts";

const USAGE = "pnpm spec:diff --base <file|git-ref:path> --head <file|git-ref:path> [--format text|json|markdown] [--fail-on ERR|WARN|INFO] [--facts <json file>]";
const LEVELS: Level[] = ["INFO", "WARN", "ERR"];
const FORMATS: ReportFormat[] = ["text", "json", "markdown"];

/** The SDK constants from a JSON file shaped like SpecFacts (what meta.ts holds). */
function readFacts(file: string): SpecFacts {
  let raw: Partial<SpecFacts>;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new DiffInputError(`Cannot read --facts ${file}: ${(err as Error).message}`, "pass a JSON file with { rateLimit, pagination, bulkOperations } as extractFacts (scripts/lib/spec-facts.ts) returns them, or omit --facts to use the base spec's.");
  }
  if (!raw || typeof raw !== "object") throw new DiffInputError(`--facts ${file} is not a JSON object.`, "pass the JSON form of SpecFacts (scripts/lib/spec-facts.ts).");
  return { rateLimit: raw.rateLimit ?? null, pagination: raw.pagination ?? null, paginatedOperations: raw.paginatedOperations ?? [], bulkOperations: raw.bulkOperations ?? [] };
}

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { base: { type: "string" }, head: { type: "string" }, format: { type: "string" }, "fail-on": { type: "string" }, facts: { type: "string" } }, USAGE);
  if (!flags.base || !flags.head) throw new UsageError("Both --base and --head are required.", `Usage: ${USAGE}`);
  const format = (flags.format ?? "text") as ReportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be text, json or markdown, got "${flags.format}".`, `Usage: ${USAGE}`);
  const failOn = (flags["fail-on"] ?? "ERR") as Level;
  if (!LEVELS.includes(failOn)) throw new UsageError(`--fail-on must be ERR, WARN or INFO, got "${flags["fail-on"]}".`, `Usage: ${USAGE}`);

  const base = loadSpec(flags.base);
  const head = loadSpec(flags.head);
  const report = diffSpecs(base, head, { facts: flags.facts ? readFacts(flags.facts) : undefined });
  console.log(formatReport(report, format, { base: flags.base, head: flags.head }));
  const threshold = LEVELS.indexOf(failOn);
  return report.changes.some((c) => LEVELS.indexOf(c.level) >= threshold) ? 1 : 0;
});
