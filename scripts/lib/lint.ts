// Redocly lint with the API's committed redocly.yaml. The verdict is redocly's exit code.
import { existsSync } from "node:fs";
import type { ApiPaths } from "./apis.ts";
import { rel } from "./apis.ts";
import { SpecLintError } from "./errors.ts";
import { bin, exec } from "./exec.ts";

export interface LintResult {
  errors: number;
  warnings: number;
  report: string;
}

/** Lints `file` (default: the API's snapshot) and throws SpecLintError when redocly reports errors. */
export async function lintSpec(api: ApiPaths, file = api.spec): Promise<LintResult> {
  const args = ["lint", file, "--format=stylish"];
  if (existsSync(api.redocly)) args.push("--config", api.redocly);
  const { code, stdout, stderr } = await exec(bin("redocly"), args, { cwd: api.root, env: { NO_COLOR: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
  // redocly writes everything, results included, to stderr; drop its Node 20 deprecation banner
  const report = (stdout + stderr)
    .split("\n")
    .filter((l) => !/[│╭╰─║╔╚═]|Deprecation warning|Node\.js 20 support/.test(l))
    .join("\n")
    .trim();
  const errors = count(report, /(\d+) errors?/);
  const warnings = count(report, /(\d+) warnings?/);
  if (code !== 0) {
    throw new SpecLintError(
      `Redocly lint found ${errors || "some"} error(s) in ${rel(api, file)}:\n${indent(lastLines(report, 40))}`,
      report,
      `fix the spec (or, for a vendor bundle, turn the rule down in ${rel(api, api.redocly)} with a comment saying why); nothing was replaced.`,
    );
  }
  return { errors, warnings, report };
}

function count(text: string, re: RegExp): number {
  const m = [...text.matchAll(new RegExp(re.source, "g"))].at(-1);
  return m ? Number(m[1]) : 0;
}

function lastLines(text: string, n: number): string {
  const lines = text.split("\n");
  return lines.length > n ? ["…", ...lines.slice(-n)].join("\n") : text;
}

function indent(text: string): string {
  return text.replace(/^/gm, "    ");
}
