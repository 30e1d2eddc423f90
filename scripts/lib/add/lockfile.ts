// Linking a new workspace package without re-resolving the world: a plain `pnpm install` rewrites
// pnpm-lock.yaml far beyond the new package (and needs registry metadata), so api:add writes the
// new importer itself (its dependencies are all workspace links) and then runs
// `pnpm install --offline --frozen-lockfile`, which checks that entry against package.json.
import path from "node:path";

export interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** One locked dependency: what package.json asks for and what it resolved to. */
export interface Locked {
  specifier: string;
  version: string;
}

export type ImporterDeps = Partial<Record<"dependencies" | "devDependencies", Record<string, Locked>>>;

/** `name → link:../dir` for every workspace dependency; throws for anything from a registry. */
export function workspaceLinks(manifest: Manifest, workspace: Map<string, string>, importer: string): ImporterDeps {
  const out: ImporterDeps = {};
  for (const field of ["dependencies", "devDependencies"] as const) {
    for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
      const dir = workspace.get(name);
      if (!spec.startsWith("workspace:") || !dir) {
        throw new Error(`${importer}/package.json depends on ${name}@${spec}, which is not a workspace package; only workspace dependencies can be linked offline.`);
      }
      const locked = out[field] ?? {};
      locked[name] = { specifier: spec, version: `link:${path.posix.relative(importer, dir)}` };
      out[field] = locked;
    }
  }
  return out;
}

function renderImporter(importer: string, deps: ImporterDeps): string {
  const lines = [`  ${importer}:`];
  for (const field of ["dependencies", "devDependencies"] as const) {
    const entries = Object.entries(deps[field] ?? {}).sort(([a], [b]) => a.localeCompare(b));
    if (!entries.length) continue;
    lines.push(`    ${field}:`);
    for (const [name, { specifier, version }] of entries) {
      lines.push(`      ${/^[\w-]+$/.test(name) ? name : `'${name}'`}:`, `        specifier: ${specifier}`, `        version: ${version}`);
    }
  }
  return lines.join("\n");
}

/** The lockfile text with `importer` added in pnpm's (sorted) place among the importers. */
export function withImporter(lock: string, importer: string, deps: ImporterDeps): string {
  const start = lock.indexOf("\nimporters:\n");
  const end = lock.indexOf("\npackages:\n", start);
  if (start < 0 || end < 0) throw new Error("pnpm-lock.yaml has no importers/packages sections");
  const section = lock.slice(start, end);
  if (section.includes(`\n  ${importer}:\n`)) throw new Error(`pnpm-lock.yaml already has an importer ${importer}`);
  // importer keys sit at two spaces; insert before the first that sorts after ours
  const keys = [...section.matchAll(/\n\n {2}([^\s:][^:\n]*):\n/g)];
  const next = keys.find((m) => m[1]! !== "." && m[1]!.localeCompare(importer) > 0);
  const at = next ? start + next.index! : end;
  return `${lock.slice(0, at)}\n\n${renderImporter(importer, deps)}${lock.slice(at)}`;
}
