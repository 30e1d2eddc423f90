// A copy of this checkout's working tree (tracked and untracked, not ignored files) in a fresh git
// repository with its OWN node_modules (pnpm install --offline --frozen-lockfile from the warm
// store): a place where api:add may link packages and edit pnpm-lock.yaml for real. (scratch.ts's
// copyWorkspace shares node_modules by symlink, which an install would write through.)
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exec, toolRoot } from "../lib/exec.ts";

export interface InstalledCopy {
  root: string;
  git(...args: string[]): string;
  /** `git status --porcelain` lines. */
  status(): string[];
  /** Runs a root script of the copy (its own tsx, its own scripts/). */
  cli(script: string, args: string[]): Promise<{ code: number; output: string }>;
  dispose(): void;
}

export async function installedCopy(): Promise<InstalledCopy> {
  const root = mkdtempSync(path.join(tmpdir(), "apiforge-installed-"));
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: toolRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    if (!existsSync(path.join(toolRoot, f))) continue;
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    cpSync(path.join(toolRoot, f), path.join(root, f));
  }
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qm", "snapshot", "--no-verify");
  const install = await exec("pnpm", ["install", "--offline", "--frozen-lockfile"], { cwd: root, env: { CI: "true" } });
  if (install.code !== 0) throw new Error(`pnpm install --offline --frozen-lockfile failed in the copy:\n${install.stdout}${install.stderr}`);
  return {
    root,
    git,
    status: () => git("status", "--porcelain").split("\n").filter(Boolean),
    async cli(script, args) {
      const r = await exec(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts", script), ...args], {
        cwd: root,
        env: { NO_COLOR: "1", TURBO_TELEMETRY_DISABLED: "1", APIFORGE_ROOT: "", INIT_CWD: root },
      });
      return { code: r.code, output: r.stdout + r.stderr };
    },
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
