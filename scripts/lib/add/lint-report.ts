// Redocly lint of a new API's bundle, counted by rule, and the redocly.yaml that turns exactly the
// failing rules down, each with its count and a reason to fill in. (When the pipeline's own
// by-rule report lands in scripts/lib, this file is the one place to switch over.)
import { bin, exec } from "../exec.ts";
import { AddFailedError } from "./errors.ts";

export interface RuleCount {
  rule: string;
  severity: "error" | "warn";
  count: number;
}

export interface LintByRule {
  errors: number;
  warnings: number;
  /** Failing rules first, then by count. */
  rules: RuleCount[];
}

/** Lints `file` with `config`; never throws for lint problems, only when redocly cannot run. */
export async function lintByRule(file: string, config: string, cwd: string): Promise<LintByRule> {
  const r = await exec(bin("redocly"), ["lint", file, "--config", config, "--format=json", "--max-problems=1000000"], {
    cwd,
    env: { NO_COLOR: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  const start = r.stdout.indexOf("{");
  let report: { totals: { errors: number; warnings: number }; problems: { ruleId: string; severity: string }[] };
  try {
    report = JSON.parse(r.stdout.slice(start));
  } catch {
    throw new AddFailedError(`Redocly could not lint ${file} (exit ${r.code}):\n${(r.stderr || r.stdout).trim().split("\n").slice(-15).join("\n")}`, "check that the document is a complete OpenAPI description.");
  }
  const counts = new Map<string, RuleCount>();
  for (const p of report.problems) {
    const severity = p.severity === "error" ? "error" : "warn";
    const key = `${severity} ${p.ruleId}`;
    const c = counts.get(key) ?? { rule: p.ruleId, severity, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  const rules = [...counts.values()].sort((a, b) => (a.severity === b.severity ? b.count - a.count || a.rule.localeCompare(b.rule) : a.severity === "error" ? -1 : 1));
  return { errors: report.totals.errors, warnings: report.totals.warnings, rules };
}

/** `  nullable-type-sibling   98 errors` lines. */
export function formatRules(rules: RuleCount[]): string {
  const width = Math.max(...rules.map((r) => r.rule.length), 4);
  return rules.map((r) => `    ${r.rule.padEnd(width)}  ${String(r.count).padStart(5)} ${r.severity === "error" ? "error" : "warning"}${r.count === 1 ? "" : "s"}`).join("\n");
}

/** spec/<name>/redocly.yaml: `recommended`, with each turned-down rule at `warn` under its reason. */
export function renderRedoclyConfig(opts: { name: string; title: string; turnedDown?: RuleCount[] }): string {
  const lines = [
    `# Lint profile for spec/${opts.name}/openapi.yaml (${opts.title}): Redocly's \`recommended\`.`,
    "# Every rule turned down below carries a one-line reason; fix the spec or an overlay to remove it.",
    "extends:",
    "  - recommended",
    "",
  ];
  const down = opts.turnedDown ?? [];
  if (down.length) {
    lines.push("rules:");
    for (const r of down) {
      lines.push(`  # reason: TODO (api:add --accept-lint: ${r.count} ${r.severity === "error" ? "error" : "warning"}${r.count === 1 ? "" : "s"} in the vendor bundle); say why the SDK can live with it.`);
      lines.push(`  ${r.rule}: warn`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
