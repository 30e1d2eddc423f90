// A throw-away repository root holding one fixture API ("mini"), for tests that must be free to
// break snapshots, locks and generated code without touching the real checkout.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveApi, type ApiPaths } from "../lib/apis.ts";
import { exec, bin, toolRoot } from "../lib/exec.ts";
import { generate } from "../lib/generate.ts";
import { lockSpec } from "../lib/pull.ts";

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
export const fixtureDir = path.join(fixturesDir, "mini");
/** Source documents tests pull from (served over HTTP or read from disk). */
export const sourcesDir = path.join(fixturesDir, "sources");
export const fixtureSpec = readFileSync(path.join(fixtureDir, "openapi.yaml"), "utf8");

export interface Scratch {
  root: string;
  api: ApiPaths;
  /** Every byte the pipeline guards: snapshot, lock and generated files. */
  fingerprint(): Record<string, string>;
  /** Runs a root script (e.g. "spec-pull.ts") against this root as a child process. */
  cli(script: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number; output: string }>;
  dispose(): void;
}

/**
 * A scratch root with the "mini" API locked and generated, plus `extraApis`: folders from
 * fixtures/apis/ (api.json + redocly.yaml, no snapshot yet: a first pull creates it).
 */
export async function makeScratch(extraApis: string[] = []): Promise<Scratch> {
  const root = mkdtempSync(path.join(tmpdir(), "apiforge-"));
  cpSync(fixtureDir, path.join(root, "spec", "mini"), { recursive: true });
  for (const name of extraApis) cpSync(path.join(fixturesDir, "apis", name), path.join(root, "spec", name), { recursive: true });
  const api = resolveApi("mini", root);
  await lockSpec(api, { now: () => new Date("2026-01-01T00:00:00Z") });
  await generate(api);
  return {
    root,
    api,
    fingerprint() {
      const out: Record<string, string> = {};
      for (const f of [api.spec, api.lock]) out[path.relative(root, f)] = existsSync(f) ? readFileSync(f, "utf8") : "<missing>";
      for (const f of existsSync(api.generatedDir) ? readdirSync(api.generatedDir) : []) {
        out[path.relative(root, path.join(api.generatedDir, f))] = readFileSync(path.join(api.generatedDir, f), "utf8");
      }
      // leftovers of a failed write would show up here as extra files
      out["spec dir listing"] = readdirSync(api.dir).sort().join(",");
      return out;
    },
    async cli(script, args, env = {}) {
      const r = await exec(bin("tsx"), [path.join(toolRoot, "scripts", script), ...args], { cwd: root, env: { APIFORGE_ROOT: root, NO_COLOR: "1", ...env } });
      return { code: r.code, output: r.stdout + r.stderr };
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * A copy of this checkout's working tree (tracked and untracked, not ignored files) in a fresh git
 * repository with one commit on main, sharing node_modules by symlink: a place where tests may run
 * turbo, spec:sync or changesets for real without touching the checkout.
 */
export function copyWorkspace(): { root: string; dispose(): void } {
  const root = mkdtempSync(path.join(tmpdir(), "apiforge-ws-"));
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: toolRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(toolRoot, f))) continue;
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    cpSync(path.join(toolRoot, f), path.join(root, f));
  }
  symlinkSync(path.join(toolRoot, "node_modules"), path.join(root, "node_modules"));
  for (const dir of ["packages", "apps"]) {
    if (!existsSync(path.join(toolRoot, dir))) continue;
    for (const pkg of readdirSync(path.join(toolRoot, dir))) {
      const nm = path.join(toolRoot, dir, pkg, "node_modules");
      if (existsSync(nm) && existsSync(path.join(root, dir, pkg))) symlinkSync(nm, path.join(root, dir, pkg, "node_modules"));
    }
  }
  // turbo hashes inputs through git and changesets needs a main branch with history
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qm", "snapshot", "--no-verify");
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
