// pnpm bench adaptive: the adaptive limiter against a server whose fixed window it is not told
// (60 per minute, time-compressed to 60 per 1.2 s at a random phase), with the budget headers on
// every response, on 429s only, or absent. 1 000 requests per client; counts the 429s the server
// had to send and compares the wall time with the window's ceiling. Starts and stops its own server.
import { createTransport, type TransportOptions } from "../packages/runtime/src/index.ts";
import { startWindowServer, type WindowServerOptions } from "../packages/runtime/test/support/window-server.ts";
import { quick, record } from "./_report.ts";
import { fmt, table } from "./_table.ts";

// quick mode: 3 windows' worth instead of 17, and the arms the report rows need
const N = Number(process.env.BENCH_ADAPTIVE_N ?? (quick ? 180 : 1000));
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

const QUICK_ARMS = new Set([0, 1, 2, 5]);
const results: { arm: Arm; ok: number; rejected: number; ms: number }[] = [];
const rows: (string | number)[][] = [];
for (const [i, arm] of arms.entries()) {
  if (quick && !QUICK_ARMS.has(i)) continue;
  const server = await startWindowServer({ limit: LIMIT, windowMs: WINDOW_MS, headers: arm.headers });
  const t0 = performance.now();
  const ok = await drive(arm.fetch(), server.url, arm.workers);
  const ms = performance.now() - t0;
  const s = server.stats();
  await server.close();
  const headers = { all: "on every response", "429": "on 429s only", none: "none" }[arm.headers];
  results.push({ arm, ok, rejected: s.rejected, ms });
  rows.push([arm.client, headers, ok, s.rejected, fmt(ms, 0), `${fmt((ms / CEILING_MS) * 100 - 100)} %`]);
}
table(
  `${N} GETs against an undisclosed fixed window of ${LIMIT} per ${WINDOW_MS} ms (60/min compressed 50×) at a random phase; ceiling ${CEILING_MS} ms; target ≤ 1 429 per run`,
  ["client", "X-RateLimit-* headers", "succeeded", "429s", "time ms", "vs ceiling"],
  rows,
);

// report rows: each adaptive arm's time against the ceiling, then the 429s and time of the
// header-less adaptive client against the naive and retry-only loops of the same run
const window = `${N} GETs, undisclosed window ${LIMIT}/${WINDOW_MS} ms`;
const headerName = { all: "budget headers on every response", "429": "headers on 429s only", none: "no headers" };
for (const r of results.filter((x) => x.arm.fetch === adaptive)) {
  record({
    id: `adaptive.time.${r.arm.headers}.${r.arm.workers}w`,
    measure: `${window}: adaptive, ${r.arm.workers === 1 ? "sequential" : `${r.arm.workers} workers`}, ${headerName[r.arm.headers]}: wall time`,
    ours: r.ms,
    unit: "ms",
    peer: { name: "window ceiling", value: CEILING_MS },
    target: "≤ 1 429 per run",
    met: r.rejected <= 1,
    note: `${r.rejected} 429s, ${r.ok}/${N} succeeded`,
  });
}
const pick = (f: Arm["fetch"], headers: Arm["headers"]) => results.find((r) => r.arm.fetch === f && r.arm.headers === headers && r.arm.workers === 1);
const ours = pick(adaptive, "none");
const naiveRun = pick(naive, "none");
const retryRun = pick(retryOnly, "none");
if (ours && naiveRun) {
  record({
    id: "adaptive.429s.vs-naive",
    measure: `${window}: 429s the server sent, adaptive (no headers) vs a naive loop`,
    ours: ours.rejected,
    unit: "",
    peer: { name: "naive loop", value: naiveRun.rejected },
    target: "≤ 1 429 per run",
    met: ours.rejected <= 1,
    note: `naive: ${naiveRun.ok}/${N} succeeded`,
  });
}
if (ours && retryRun) {
  record({
    id: "adaptive.429s.vs-retry-only",
    measure: `${window}: 429s the server sent, adaptive (no headers) vs a retry-only loop`,
    ours: ours.rejected,
    unit: "",
    peer: { name: "retry-only loop", value: retryRun.rejected },
    target: "≤ 1 429 per run",
    met: ours.rejected <= 1,
  });
  record({
    id: "adaptive.time.vs-retry-only",
    measure: `${window}: time to ${N} successes, adaptive (no headers) vs a retry-only loop`,
    ours: ours.ms,
    unit: "ms",
    peer: { name: "retry-only loop", value: retryRun.ms },
    note: `ceiling ${CEILING_MS} ms`,
  });
}
