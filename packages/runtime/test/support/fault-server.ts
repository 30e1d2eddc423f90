// A stateful HTTP server for integration tests: a strict fixed rate-limit window whose start the
// client cannot see, scripted faults per route, and counts of everything it received.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One scripted answer. Requests without a script (or past its end) get a 200 JSON echo. */
export type Fault =
  | { status: 429; retryAfter?: "seconds" | "date" | "none"; retryAfterSeconds?: number; headers?: Record<string, string> }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { reset: true }
  | { stallBody: true }
  | { malformedJson: true; status?: number }
  | { delayMs: number };

export interface FaultServerOptions {
  /** Strict fixed window: at most `limit` accepted requests per window; more get 429. */
  window?: { limit: number; windowMs: number; offsetMs?: number; retryAfter?: "seconds" | "date" };
}

export interface Received {
  method: string;
  path: string;
  at: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  status: number | "reset" | "stall";
}

export interface FaultServer {
  url: string;
  /** Every request, in arrival order. */
  log: Received[];
  /** Count of requests per "METHOD /path". */
  count(method: string, path: string): number;
  /** 429s the window enforcement sent. */
  rejected(): number;
  /** Queue faults for "METHOD /path"; each request takes the next one. */
  script(method: string, path: string, faults: Fault[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(opts: FaultServerOptions = {}): Promise<FaultServer> {
  const log: Received[] = [];
  const scripts = new Map<string, Fault[]>();
  const stalled = new Set<ServerResponse>();
  let rejected = 0;
  let windowIndex = Number.NaN;
  let inWindow = 0;
  const origin = Date.now() + (opts.window?.offsetMs ?? 0);

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const now = Date.now();
    const path = (req.url ?? "/").split("?")[0]!;
    // control endpoint for a server running in another process: not counted, not limited
    if (path === "/__stats") return json(res, 200, { rejected, total: log.length, seq: log.map((e) => Number(e.headers["x-seq"] ?? -1)) });
    const entry: Received = { method: req.method!, path, at: now, headers: req.headers, body, status: 200 };
    log.push(entry);
    const w = opts.window;
    if (w) {
      const idx = Math.floor((now - origin) / w.windowMs);
      if (idx !== windowIndex) {
        windowIndex = idx;
        inWindow = 0;
      }
      if (inWindow >= w.limit) {
        rejected++;
        entry.status = 429;
        const endsAt = origin + (idx + 1) * w.windowMs;
        const retryAfter =
          w.retryAfter === "date" ? new Date(Math.ceil(endsAt / 1000) * 1000).toUTCString() : String(Math.ceil((endsAt - now) / 1000));
        return json(res, 429, { title: "Too Many Requests" }, { "retry-after": retryAfter, "x-ratelimit-limit": String(w.limit), "x-ratelimit-remaining": "0" });
      }
      inWindow++;
    }
    const fault = scripts.get(`${req.method} ${path}`)?.shift();
    if (!fault) return json(res, req.method === "POST" ? 201 : 200, { ok: true, n: log.length, echo: body || undefined });
    if ("reset" in fault) {
      entry.status = "reset";
      return req.socket.destroy();
    }
    if ("stallBody" in fault) {
      entry.status = "stall";
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"partial":');
      stalled.add(res);
      return;
    }
    if ("malformedJson" in fault) {
      entry.status = fault.status ?? 200;
      res.writeHead(entry.status, { "content-type": "application/json" });
      return res.end('{"broken": ');
    }
    if ("delayMs" in fault) {
      setTimeout(() => json(res, 200, { ok: true, delayed: fault.delayMs }), fault.delayMs);
      return;
    }
    entry.status = fault.status;
    if (fault.status === 429 && "retryAfter" in fault && fault.retryAfter !== undefined) {
      const s = fault.retryAfterSeconds ?? 1;
      const headers: Record<string, string> = { ...fault.headers };
      if (fault.retryAfter === "seconds") headers["retry-after"] = String(s);
      if (fault.retryAfter === "date") headers["retry-after"] = new Date(Math.ceil((now + s * 1000) / 1000) * 1000).toUTCString();
      return json(res, 429, { title: "Too Many Requests", detail: "slow down" }, headers);
    }
    const f = fault as { status: number; body?: unknown; headers?: Record<string, string> };
    return json(res, f.status, f.body ?? { title: `Status ${f.status}` }, f.headers);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handle(req, res, Buffer.concat(chunks).toString("utf8")));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    count: (method, path) => log.filter((e) => e.method === method && e.path === path).length,
    rejected: () => rejected,
    script: (method, path, faults) => scripts.set(`${method} ${path}`, [...faults]),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of stalled) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Handle of a fault server running in a child process (its event loop is not shared with the client under test). */
export interface RemoteFaultServer {
  url: string;
  stats(): Promise<{ rejected: number; total: number; seq: number[] }>;
  close(): Promise<void>;
}

/** Starts `fault-server-main.ts` in a child process with a strict window. */
export async function spawnFaultServer(window: NonNullable<FaultServerOptions["window"]>): Promise<RemoteFaultServer> {
  const { spawn } = await import("node:child_process");
  const { fileURLToPath } = await import("node:url");
  const main = fileURLToPath(new URL("./fault-server-main.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", main, JSON.stringify(window)], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d;
      const m = /listening (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`fault server exited early (${code}): ${out}`)));
  });
  return {
    url,
    stats: async () => (await (await fetch(`${url}/__stats`)).json()) as { rejected: number; total: number; seq: number[] },
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
