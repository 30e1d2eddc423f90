// A server with an undisclosed fixed window (its phase is random to the client), for the adaptive
// limiter's tests and bench: at most `limit` accepted requests per `windowMs`, then 429 with a
// Retry-After to the window's end. Budget headers can be on every response, only on 429s, or off.
// Times may be compressed (e.g. 60 per 1.2 s), so delays are sent as fractional seconds.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface WindowServerOptions {
  limit: number;
  windowMs: number;
  /** `all`: X-RateLimit-Limit/Remaining/Reset on every response; `429`: limit and remaining on 429s only; `none`. @default "none" */
  headers?: "all" | "429" | "none";
  /** Name of the delay header on a 429. @default "retry-after" */
  retryAfterHeader?: string;
  /** Also refuse (503 + the delay header) when more than this many requests are in flight. */
  maxConcurrent?: number;
  /** Where in its first window the server starts, as a fraction of the window. @default random */
  phase?: number;
  /** Delay each answer, to give concurrent requests a chance to overlap. @unit ms */
  latencyMs?: number;
}

export interface WindowServer {
  url: string;
  stats(): { total: number; accepted: number; rejected: number; overConcurrency: number; maxInFlight: number; byMethod: Record<string, number> };
  close(): Promise<void>;
}

export async function startWindowServer(o: WindowServerOptions): Promise<WindowServer> {
  // a random phase: the client cannot line up with the server's windows by luck
  const origin = Date.now() - (o.phase ?? Math.random()) * o.windowMs;
  let windowIndex = -1;
  let inWindow = 0;
  let inFlight = 0;
  const s = { total: 0, accepted: 0, rejected: 0, overConcurrency: 0, maxInFlight: 0, byMethod: {} as Record<string, number> };
  const delayHeader = o.retryAfterHeader ?? "retry-after";

  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const now = Date.now();
      s.total++;
      s.byMethod[req.method!] = (s.byMethod[req.method!] ?? 0) + 1;
      inFlight++;
      s.maxInFlight = Math.max(s.maxInFlight, inFlight);
      const idx = Math.floor((now - origin) / o.windowMs);
      if (idx !== windowIndex) {
        windowIndex = idx;
        inWindow = 0;
      }
      const resetS = ((origin + (idx + 1) * o.windowMs - now) / 1000).toFixed(3);
      const headers: Record<string, string> = { "content-type": "application/json" };
      let status = 200;
      if (o.maxConcurrent !== undefined && inFlight > o.maxConcurrent) {
        status = 503;
        s.overConcurrency++;
        headers[delayHeader] = "0.05";
      } else if (inWindow >= o.limit) {
        status = 429;
        s.rejected++;
        headers[delayHeader] = resetS;
        if (o.headers === "429" || o.headers === "all") Object.assign(headers, { "x-ratelimit-limit": String(o.limit), "x-ratelimit-remaining": "0" });
      } else {
        inWindow++;
        s.accepted++;
      }
      if (o.headers === "all") {
        Object.assign(headers, { "x-ratelimit-limit": String(o.limit), "x-ratelimit-remaining": String(o.limit - inWindow), "x-ratelimit-reset": resetS });
      }
      const answer = () => {
        inFlight--;
        res.writeHead(status, headers);
        res.end(JSON.stringify(status === 200 ? { ok: true } : { title: status === 429 ? "Too Many Requests" : "Busy" }));
      };
      if (o.latencyMs) setTimeout(answer, o.latencyMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ ...s, byMethod: { ...s.byMethod } }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
