// Test support shared by every package's integration tests: free ports and a Prism mock that
// starts on 127.0.0.1 and is always stopped. Lives in scripts/lib because it is tooling, not product.
import { spawn, type ChildProcess } from "node:child_process";
import { statSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface PrismHandle {
  /** Base URL such as `http://127.0.0.1:43125` (no trailing slash). */
  url: string;
  port: number;
  /** Everything Prism printed, for assertion messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** Absolute path of the OpenAPI file to mock. */
  spec: string;
  /** `--dynamic` (faker data) instead of the spec's examples. Default false. */
  dynamic?: boolean;
  /** Extra CLI args, e.g. `["--errors"]`. */
  args?: string[];
  /** How long to wait for Prism to accept connections. Default: `prismStartTimeoutMs(spec)`. */
  startTimeoutMs?: number;
}

/**
 * Prism parses and dereferences the whole document before it listens: about a minute for Stripe's
 * 2.4 MB, and several seconds for a 300 KB spec when three test files share 2 cores. 60 s plus 60 s
 * per MiB, or APIFORGE_PRISM_START_MS.
 */
export function prismStartTimeoutMs(spec: string): number {
  const fromEnv = Number(process.env.APIFORGE_PRISM_START_MS);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  return 60_000 + Math.ceil((statSync(spec).size / 1024 / 1024) * 60_000);
}

/** Starts `prism mock` on 127.0.0.1 with a port it picks, resolves when Prism answers. */
export async function startPrism(opts: PrismOptions): Promise<PrismHandle> {
  const port = await freePort();
  const bin = path.join(repoRoot, "node_modules/.bin/prism");
  const args = ["mock", opts.spec, "-h", "127.0.0.1", "-p", String(port)];
  if (opts.dynamic) args.push("--dynamic", "--seed", "42");
  if (opts.args) args.push(...opts.args);
  const child: ChildProcess = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const startMs = opts.startTimeoutMs ?? prismStartTimeoutMs(opts.spec);
  const deadline = Date.now() + startMs;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 3000).unref();
    });
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited with code ${child.exitCode} before listening:\n${out}`);
    if (/Prism is listening/i.test(out)) return { url, port, output: () => out, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`Prism did not start within ${startMs} ms on ${url}:\n${out}`);
}
