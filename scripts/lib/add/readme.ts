// The operation table of a package README, rendered from the spec between two markers so a
// generate-like check can render it again and compare: `pnpm generate` rewrites it, `pnpm generate:check`
// reports it stale (`syncReadmeTable`).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomic } from "../atomic.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { operations } from "../spec-doc.ts";

export const TABLE_BEGIN = "<!-- operations:begin";
export const TABLE_END = "<!-- operations:end -->";

function cell(text: unknown): string {
  return String(text ?? "")
    .replace(/\s+/g, " ")
    .replace(/\|/g, "\\|")
    .trim();
}

/** One row per operation in document order: operationId, method, path, summary. */
export function operationsTable(doc: OpenApiDoc): string {
  const rows = operations(doc).map(({ method, path, op }) => {
    const summary = cell(op.summary ?? String(op.description ?? "").split(/(?<=\.)\s/)[0]);
    const id = op.operationId ? `\`${cell(op.operationId)}\`` : "";
    return `| ${id} | ${method.toUpperCase()} | \`${cell(path)}\` | ${summary.length > 120 ? `${summary.slice(0, 117)}…` : summary} |`;
  });
  return ["| operation | method | path | summary |", "|---|---|---|---|", ...rows].join("\n");
}

/** The README with its table re-rendered; throws when the markers are missing. */
export function withOperationsTable(readme: string, doc: OpenApiDoc): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`the README has no ${TABLE_BEGIN} … ${TABLE_END} markers`);
  const afterBegin = readme.indexOf("\n", begin) + 1;
  return `${readme.slice(0, afterBegin)}${operationsTable(doc)}\n${readme.slice(end)}`;
}

/** True when the README's table is not what the spec renders now (stale or hand-edited). */
export function readmeTableDrift(readme: string, doc: OpenApiDoc): boolean {
  return withOperationsTable(readme, doc) !== readme;
}

export type ReadmeTableStatus = "no-table" | "current" | "stale" | "updated";

/**
 * The README table of a package against `doc`: "no-table" when its README has no markers (a
 * hand-written README), else whether it is current; with `write`, a stale table is re-rendered.
 */
export async function syncReadmeTable(packageDir: string, doc: OpenApiDoc, { write = false } = {}): Promise<ReadmeTableStatus> {
  const file = path.join(packageDir, "README.md");
  if (!existsSync(file)) return "no-table";
  const readme = await readFile(file, "utf8");
  if (!readme.includes(TABLE_BEGIN) || !readme.includes(TABLE_END)) return "no-table";
  const fresh = withOperationsTable(readme, doc);
  if (fresh === readme) return "current";
  if (!write) return "stale";
  await writeFileAtomic(file, fresh);
  return "updated";
}
