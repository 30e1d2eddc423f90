// Redocly lint with the API's committed redocly.yaml, read as JSON so failures are reported by
// rule (name, count, a few locations), never as a dump of a temp file's output.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import type { ApiPaths } from "./apis.ts";
import { rel } from "./apis.ts";
import { writeFileAtomic, writeTemp } from "./atomic.ts";
import { SpecLintError } from "./errors.ts";
import { bin, exec } from "./exec.ts";

/** One rule's findings. */
export interface RuleFindings {
  rule: string;
  severity: "error" | "warn";
  count: number;
  /** Up to three JSON pointers into the document, e.g. `#/paths/~1pets/get`. */
  examples: string[];
}

export interface LintReport {
  errors: number;
  warnings: number;
  /** Rules with findings, errors first, then by count. */
  rules: RuleFindings[];
  /** False when the API has no redocly.yaml and Redocly's `recommended` set was used. */
  configured: boolean;
}

/** Kept for callers that only read the totals. */
export type LintResult = LintReport;

interface RedoclyJson {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: "error" | "warn"; location?: { pointer?: string }[] }[];
}

/** Runs `redocly lint` on a file with the API's config (or `recommended` when it has none). */
export async function lintFile(file: string, config: string | null, cwd: string): Promise<LintReport> {
  const args = ["lint", file, "--format=json", "--max-problems=1000000"];
  // without a config, run where no redocly.yaml can be picked up by accident
  if (config) args.push("--config", config);
  else args.push("--extends=recommended");
  const { code, stdout, stderr } = await exec(bin("redocly"), args, { cwd, env: { NO_COLOR: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
  let json: RedoclyJson;
  try {
    json = JSON.parse(stdout.slice(stdout.indexOf("{")));
  } catch {
    // not a lint verdict: redocly itself failed (bad config, unreadable file)
    const why = stderr.split("\n").filter((l) => l.trim() && !/[│╭╰─║╔╚═]|Deprecation warning|Node\.js 20 support/.test(l)).slice(-5).join("\n");
    throw new SpecLintError(`Redocly could not lint the document (exit ${code}):\n    ${why}`, { errors: 1, warnings: 0, rules: [], configured: !!config }, config ? `check ${config}.` : undefined);
  }
  const byRule = new Map<string, RuleFindings>();
  for (const p of json.problems) {
    const key = `${p.ruleId}\0${p.severity}`;
    const r = byRule.get(key) ?? { rule: p.ruleId, severity: p.severity, count: 0, examples: [] };
    r.count++;
    const pointer = p.location?.[0]?.pointer;
    if (pointer && r.examples.length < 3) r.examples.push(pointer);
    byRule.set(key, r);
  }
  const rules = [...byRule.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count || a.rule.localeCompare(b.rule) : a.severity === "error" ? -1 : 1));
  return { errors: json.totals.errors, warnings: json.totals.warnings, rules, configured: !!config };
}

/** Lint findings as text, one line per rule: `  ✘ security-defined   12×  e.g. #/paths/~1a/get`. */
export function formatLintReport(report: LintReport, { severity }: { severity?: "error" | "warn" } = {}): string {
  const rules = report.rules.filter((r) => !severity || r.severity === severity);
  const width = Math.max(0, ...rules.map((r) => r.rule.length));
  return rules
    .map((r) => `    ${r.severity === "error" ? "✘" : "⚠"} ${r.rule.padEnd(width)}  ${String(r.count).padStart(4)}×  e.g. ${r.examples.join(", ") || "(document)"}`)
    .join("\n");
}

/**
 * Lints `text` as the API's document would be linted, via a temp file in the spec folder that is
 * always removed. Throws SpecLintError with the failing rules. `label` names the document.
 */
export async function lintText(api: ApiPaths, text: string, label: string): Promise<LintReport> {
  const tmp = await writeTemp(api.spec, text);
  try {
    return await check(api, tmp, label);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Lints a file that is already on disk (the committed snapshot when it has no overlays). */
export async function lintSpec(api: ApiPaths, file = api.spec, label = rel(api, file)): Promise<LintReport> {
  return check(api, file, label);
}

async function check(api: ApiPaths, file: string, label: string): Promise<LintReport> {
  const config = existsSync(api.redocly) ? api.redocly : null;
  const report = await lintFile(file, config, config ? api.root : api.dir);
  if (report.errors > 0) {
    const failing = report.rules.filter((r) => r.severity === "error");
    throw new SpecLintError(
      `Redocly lint found ${report.errors} error(s) in ${label}, by rule:\n${formatLintReport(report, { severity: "error" })}`,
      report,
      `fix the spec, or add an overlay in ${rel(api, api.dir)}/overlays/, or turn the rule down in ${rel(api, api.redocly)} with a \`# reason:\` comment ` +
        `(rules: ${failing.map((r) => r.rule).join(", ")}); nothing was replaced.`,
    );
  }
  return report;
}

/**
 * A redocly.yaml extending `recommended` that turns exactly `rules` off, each with its count and
 * a reason placeholder for a human to fill in (api:add offers to write it).
 */
export function renderLintConfig(rules: Pick<RuleFindings, "rule" | "count">[], title = "Lint profile"): string {
  const lines = [`# ${title}.`, "extends:", "  - recommended"];
  if (rules.length) {
    lines.push("", "rules:");
    for (const r of [...rules].sort((a, b) => a.rule.localeCompare(b.rule))) {
      lines.push(`  # reason: TODO say why the vendor's document may break this rule (${r.count} finding${r.count === 1 ? "" : "s"} when turned down)`);
      lines.push(`  ${r.rule}: off`);
    }
  }
  return lines.join("\n") + "\n";
}

/** Writes `renderLintConfig` to `file` atomically; refuses to overwrite an existing one. */
export async function writeLintConfig(file: string, rules: Pick<RuleFindings, "rule" | "count">[], title?: string): Promise<void> {
  if (existsSync(file)) throw new SpecLintError(`${file} already exists; not overwriting it.`, { errors: 0, warnings: 0, rules: [], configured: true }, "edit it by hand: add `<rule>: off` with a `# reason:` comment.");
  await writeFileAtomic(file, renderLintConfig(rules, title));
}
