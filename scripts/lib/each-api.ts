// Running one step over every API (or the one `--api` names) with one summary table at the end.
// With one API selected its error propagates as is; with several, every API runs, failures are
// printed as they happen, and the step fails at the end naming them.
import { listApis, resolveApi, type ApiPaths } from "./apis.ts";
import { PipelineError, UsageError } from "./errors.ts";

export interface ApiRow {
  api: string;
  ok: boolean;
  /** One line: what the step did, or why it failed. */
  detail: string;
  ms: number;
}

/** Several APIs failed; each one's message was already printed. */
export class ApisFailedError extends PipelineError {}

/** The APIs a step runs over: the one `--api` names, else all of them. */
export function selectApis(name: string | undefined, root?: string): string[] {
  if (name) return [resolveApi(name, root).config.name];
  const all = listApis(root);
  if (!all.length) throw new UsageError("This repository has no APIs yet (no spec/<name>/api.json).", "add one with `pnpm api:add <name> --from <url|file>`.");
  return all;
}

/**
 * Runs `step` for each API in order; returns one row per API. `step` returns the row's detail.
 * `log` receives a failure's full message as soon as it happens.
 */
export async function forEachApi(
  names: string[],
  step: (api: ApiPaths) => Promise<string>,
  opts: { log?: (line: string) => void; root?: string } = {},
): Promise<ApiRow[]> {
  const rows: ApiRow[] = [];
  for (const name of names) {
    const started = performance.now();
    try {
      const detail = await step(resolveApi(name, opts.root));
      rows.push({ api: name, ok: true, detail, ms: performance.now() - started });
    } catch (err) {
      if (names.length === 1) throw err;
      const e = err as PipelineError;
      opts.log?.(`✘ ${name}: ${e.message}${e.hint ? `\n  Fix: ${e.hint}` : ""}`);
      rows.push({ api: name, ok: false, detail: firstLine(e.message), ms: performance.now() - started });
    }
  }
  return rows;
}

/** The summary table: API, result, detail, time. */
export function formatRows(title: string, rows: ApiRow[]): string {
  const w = Math.max(3, ...rows.map((r) => r.api.length));
  const lines = [`${title}`, `  ${"API".padEnd(w)}  result  time     detail`];
  for (const r of rows) lines.push(`  ${r.api.padEnd(w)}  ${r.ok ? "✔ ok  " : "✘ FAIL"}  ${`${(r.ms / 1000).toFixed(1)} s`.padEnd(7)}  ${r.detail}`);
  return lines.join("\n");
}

/** Throws when any row failed, naming the APIs and how to rerun one. */
export function failIfAny(rows: ApiRow[], command: string): void {
  const failed = rows.filter((r) => !r.ok);
  if (!failed.length) return;
  throw new ApisFailedError(
    `${command} failed for ${failed.length} of ${rows.length} APIs: ${failed.map((r) => r.api).join(", ")} (details above).`,
    `fix them one at a time with \`pnpm ${command} --api ${failed[0]!.api}\`.`,
  );
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}

/**
 * turbo filters for a build after generating: none (every package; turbo's cache skips the ones
 * whose inputs did not change) or exactly the selected packages (their dependencies follow from
 * `dependsOn: ["^build"]`).
 */
export function buildFilters(packages: string[] | null): string[] {
  return packages ? packages.map((p) => `--filter=${p}`) : [];
}
