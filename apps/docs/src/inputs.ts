// What the site is built from, as one hash: the browser test rebuilds when dist/ was built from
// other inputs, and the turbo task declares the same folders (apps/docs/turbo.json).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries.sort()) {
    if (e === "node_modules" || e === "dist") continue;
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** The folders (relative to the repo root) whose files the site is built from. */
export function inputDirs(root: string): string[] {
  const packages = readdirSync(path.join(root, "packages")).map((p) => `packages/${p}/src`);
  return ["spec", ...packages, "scripts/lib", "apps/docs/src", "apps/docs/package.json"];
}

export function inputsHash(root: string): string {
  const files: string[] = [];
  for (const d of inputDirs(root)) {
    const p = path.join(root, d);
    if (statSync(p, { throwIfNoEntry: false })?.isFile()) files.push(p);
    else walk(p, files);
  }
  const h = createHash("sha256");
  for (const f of files) h.update(path.relative(root, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}
