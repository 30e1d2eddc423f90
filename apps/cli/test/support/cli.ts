// Runs the CLI as a child process, the way a user does, and collects what it prints.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(here, "io-entry.ts");

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
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...options.env };
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...args], { env, cwd: options.cwd ?? here, stdio: ["pipe", "pipe", "pipe"] });
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
