// The command line, shared by the published bin and any repository wrapper that injects its own
// facts extractor: `main(argv, options)` returns the exit code (0 nothing at or above --fail-on,
// 1 something is, 2 bad input) and never calls process.exit.
import { appendFileSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DiffInputError } from "./errors.js";
import type { FactsExtractor, LimitFacts } from "./facts.js";
import { formatReport, type ReportFormat } from "./format.js";
import { diffSpecs } from "./diff.js";
import { loadSpec } from "./load.js";
import type { Level } from "./types.js";

export interface CliOptions {
  /** How the runtime-limit rules read constants from a spec; without it `--facts` is refused. */
  extractFacts?: FactsExtractor;
  /** The command name shown in usage lines. @default "spec-diff" */
  name?: string;
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

const LEVELS: Level[] = ["INFO", "WARN", "ERR"];
const FORMATS: ReportFormat[] = ["text", "json", "markdown", "github"];

function usage(name: string): string {
  return `${name} --base <file|git-ref:path> --head <file|git-ref:path> [--format text|json|markdown|github] [--fail-on ERR|WARN|INFO] [--facts <json file>] [--lifecycle [--sunset-days N] [--require-sunset]]`;
}

/** The SDK constants from a JSON file shaped like LimitFacts (what a generated meta.ts holds). */
function readFacts(file: string, cwd: string): LimitFacts {
  let raw: Partial<LimitFacts>;
  try {
    raw = JSON.parse(readFileSync(new URL(file, `file://${cwd}/`), "utf8"));
  } catch (err) {
    throw new DiffInputError(`Cannot read --facts ${file}: ${(err as Error).message}`, "pass a JSON file with { rateLimit, pagination, bulkOperations }, or omit --facts to use the base spec's.");
  }
  if (!raw || typeof raw !== "object") throw new DiffInputError(`--facts ${file} is not a JSON object.`, "pass a JSON object with { rateLimit, pagination, bulkOperations }.");
  return { rateLimit: raw.rateLimit ?? null, pagination: raw.pagination ?? null, paginatedOperations: raw.paginatedOperations ?? [], bulkOperations: raw.bulkOperations ?? [] };
}

async function run(argv: string[], o: CliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const name = o.name ?? "spec-diff";
  const cwd = o.cwd ?? process.cwd();
  const env = o.env ?? process.env;
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({ args: argv.filter((a) => a !== "--"), options: {
        base: { type: "string" },
        head: { type: "string" },
        format: { type: "string" },
        "fail-on": { type: "string" },
        facts: { type: "string" },
        lifecycle: { type: "boolean" },
        "sunset-days": { type: "string" },
        "require-sunset": { type: "boolean" },
      },
      strict: true,
    }).values as Record<string, string | undefined>;
  } catch (e) {
    throw new DiffInputError(`${(e as Error).message}.`, `Usage: ${usage(name)}`);
  }
  if (!flags.base || !flags.head) throw new DiffInputError("Both --base and --head are required.", `Usage: ${usage(name)}`);
  const format = (flags.format ?? "text") as ReportFormat;
  if (!FORMATS.includes(format)) throw new DiffInputError(`--format must be text, json, markdown or github, got "${flags.format}".`, `Usage: ${usage(name)}`);
  const failOn = (flags["fail-on"] ?? "ERR") as Level;
  if (!LEVELS.includes(failOn)) throw new DiffInputError(`--fail-on must be ERR, WARN or INFO, got "${flags["fail-on"]}".`, `Usage: ${usage(name)}`);
  const sunsetDays = flags["sunset-days"] === undefined ? undefined : Number(flags["sunset-days"]);
  if (sunsetDays !== undefined && (!Number.isInteger(sunsetDays) || sunsetDays < 0)) throw new DiffInputError(`--sunset-days must be a whole number of days, got "${flags["sunset-days"]}".`, `Usage: ${usage(name)}`);
  if ((sunsetDays !== undefined || flags["require-sunset"]) && !flags.lifecycle) throw new DiffInputError("--sunset-days and --require-sunset configure the lifecycle rules, which are off.", "add --lifecycle.");
  if (flags.facts && !o.extractFacts) {
    throw new DiffInputError("--facts needs a facts extractor to read the head spec's limits, and this command has none.", "call `main(argv, { extractFacts })` from @apiforge/spec-diff with your repository's extractor, or drop --facts.");
  }

  const warnings: string[] = [];
  const base = await loadSpec(String(flags.base), { cwd, warnings });
  const head = await loadSpec(String(flags.head), { cwd, warnings });
  for (const w of warnings) err(`⚠ ${w}\n`);
  const lifecycle = flags.lifecycle ? { minSunsetDays: sunsetDays, requireSunset: flags["require-sunset"] === true } : undefined;
  const report = diffSpecs(base, head, { extractFacts: o.extractFacts, facts: flags.facts ? readFacts(String(flags.facts), cwd) : undefined, lifecycle });
  const names = { base: String(flags.base), head: String(flags.head) };
  if (format === "github") {
    // annotations on stdout; the markdown table goes to the job summary when the runner offers one
    out(`${formatReport(report, "github", names)}\n`);
    const md = formatReport(report, "markdown", names);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${md}\n`);
    else out(`${md}\n`);
  } else out(`${formatReport(report, format, names)}\n`);
  const threshold = LEVELS.indexOf(failOn);
  return report.changes.some((c) => LEVELS.indexOf(c.level) >= threshold) ? 1 : 0;
}

/** Runs the command; bad input is printed as one paragraph plus its fix and returns 2. */
export async function main(argv: string[], o: CliOptions = {}): Promise<number> {
  const out = o.stdout ?? ((s: string) => process.stdout.write(s));
  const err = o.stderr ?? ((s: string) => process.stderr.write(s));
  try {
    return await run(argv, o, out, err);
  } catch (e) {
    if (e instanceof DiffInputError) {
      err(`\n✘ ${e.message}${e.hint ? `\n  Fix: ${e.hint}` : ""}\n\n`);
      return e.exitCode;
    }
    throw e;
  }
}
