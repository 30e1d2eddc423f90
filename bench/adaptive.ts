// pnpm bench adaptive: the adaptive limiter against a server whose fixed window it is not told
// (60 per minute, time-compressed to 60 per 1.2 s at a random phase), with the budget headers on
// every response, on 429s only, or absent. 1 000 requests per client; counts the 429s the server
// had to send and compares the wall time with the window's ceiling. Starts and stops its own server.
import { createTransport, type TransportOptions } from "../packages/runtime/src/index.ts";
import { startWindowServer, type WindowServerOptions } from "../packages/runtime/test/support/window-server.ts";
import { fmt, table } from "./_table.ts";

const N = Number(process.env.BENCH_ADAPTIVE_N ?? 1000);
const LIMIT = 60;
const WINDOW_MS = 1200;
// a phase-blind client that never gets a 429 needs ceil(N / limit) windows, the last one partly
const CEILING_MS = (Math.ceil(N / LIMIT) - 1) * WINDOW_MS;


/** Sends N GETs through `fetchFn` with `workers` loops in parallel; returns how many succeeded. */
async function drive(fetchFn: typeof fetch, url: string, workers: number): Promise<number> {
  let next = 0;
  let ok = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < N) {
        next++;
        const r = await fetchFn(`${url}/items`);
        await r.arrayBuffer();
        if (r.ok) ok++;
      }
    }),
  );
  return ok;
}

interface Arm {
  client: string;
  headers: NonNullable<WindowServerOptions["headers"]>;
  workers: number;
  fetch: () => typeof fetch;
}

const transport = (o: TransportOptions) => () => createTransport(o).fetch;
const naive = () => globalThis.fetch;
const adaptive = transport({ rateLimit: { adaptive: true }, retry: { maxRetries: 5 } });
const retryOnly = transport({ rateLimit: false, retry: { maxRetries: 50 } });

const arms: Arm[] = [
  { client: "naive loop (no pacing, no retry)", headers: "none", workers: 1, fetch: naive },
  { client: "retry-only loop (Retry-After honoured)", headers: "none", workers: 1, fetch: retryOnly },
  { client: "adaptive, sequential", headers: "all", workers: 1, fetch: adaptive },
  { client: "adaptive, 8 workers", headers: "all", workers: 8, fetch: adaptive },
  { client: "adaptive, sequential", headers: "429", workers: 1, fetch: adaptive },
  { client: "adaptive, sequential", headers: "none", workers: 1, fetch: adaptive },
  { client: "adaptive, 8 workers", headers: "none", workers: 8, fetch: adaptive },
];

const rows: (string | number)[][] = [];
for (const arm of arms) {
  const server = await startWindowServer({ limit: LIMIT, windowMs: WINDOW_MS, headers: arm.headers });
  const t0 = performance.now();
  const ok = await drive(arm.fetch(), server.url, arm.workers);
  const ms = performance.now() - t0;
  const s = server.stats();
  await server.close();
  const headers = { all: "on every response", "429": "on 429s only", none: "none" }[arm.headers];
  rows.push([arm.client, headers, ok, s.rejected, fmt(ms, 0), `${fmt((ms / CEILING_MS) * 100 - 100)} %`]);
}
table(
  `${N} GETs against an undisclosed fixed window of ${LIMIT} per ${WINDOW_MS} ms (60/min compressed 50×) at a random phase; ceiling ${CEILING_MS} ms; target ≤ 1 429 per run`,
  ["client", "X-RateLimit-* headers", "succeeded", "429s", "time ms", "vs ceiling"],
  rows,
);
