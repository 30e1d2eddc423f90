// Runs the built `apiforge` (dist/main.js) as a child process, the way a user does, with a handle
// on the process so a test can signal it (Ctrl-C, kill -9) mid-run.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { bin as BIN, pkgDir } from "./cli.js";

/** A running CLI process. */
export interface CliRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `apiforge <args…>` with `env` added to a clean environment (no inherited credentials). */
export function startCli(args: string[], options: { env?: Record<string, string>; stdin?: string | Buffer; cwd?: string } = {}): CliRun {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: the vitest globalSetup (test/support/build.ts) builds it; run the tests through vitest.`);
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...options.env };
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? pkgDir, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  else child.stdin!.end();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code, signal) => {
      // let the pipes drain before reporting
      setImmediate(() => resolve({ code, signal, stdout: out, stderr: err }));
    }),
  );
  return { child, stdout: () => out, stderr: () => err, done };
}

/** Runs the CLI to completion. */
export function runCli(args: string[], options: Parameters<typeof startCli>[1] = {}) {
  return startCli(args, options).done;
}
