// Runs the built `apiforge` as a child process, as a user's shell would.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = path.join(pkgDir, "dist/main.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fake key no real account has; tests assert it never reaches any output. */
export const FAKE_KEY = "pk_test_FAKE_7f3c9a_DO_NOT_PRINT";

/** Runs `apiforge …args` with only the env given (plus PATH), stdin closed unless `input`. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

/** Prism as the repo's tests start it (scripts/lib/test-servers.ts, outside this package's rootDir: loaded by URL). */
export interface PrismHandle {
  url: string;
  stop(): Promise<void>;
}
const launcher = new URL("../../../../scripts/lib/test-servers.ts", import.meta.url).href;
export const repoRoot = path.resolve(pkgDir, "../..");
export const startPrism = async (opts: { spec: string }): Promise<PrismHandle> =>
  ((await import(launcher)) as { startPrism(o: { spec: string }): Promise<PrismHandle> }).startPrism(opts);
