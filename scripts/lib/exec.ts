// Running the repo's own tools (redocly, turbo, vitest) as child processes.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout these scripts live in: its node_modules/.bin has the pinned tools. */
export const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function bin(name: string): string {
  return path.join(toolRoot, "node_modules", ".bin", name);
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command and collects its output; `inherit` streams it to the terminal instead. */
export function exec(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; inherit?: boolean } = {},
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd ?? toolRoot,
      env: { ...process.env, ...opts.env },
      stdio: opts.inherit ? "inherit" : ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => (stdout += d));
    child.stderr?.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}
