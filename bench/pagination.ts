// pnpm bench pagination: list 100 000 items through client.paginate() from a local server and
// report requests used vs ceil(n/500), throughput, and heap growth while iterating. `for await`
// should hold one page at a time (flat heap whatever n is); `toArray()` is shown beside it as the
// contrast that grows with n. Pacing is off: against the real API the spec's 100 requests / 60 s
// would dominate, so the estimate with that limit is printed too.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createParallaxClient } from "../packages/parallax/src/index.ts";
import { quick, record } from "./_report.ts";

const PAGE_MAX = 500;
// quick mode lists a fifth as many items
const SMALL = quick ? 2_000 : 10_000;
const LARGE = quick ? 20_000 : 100_000;

// gc() makes heap samples measure what is retained rather than garbage not yet collected
setFlagsFromString("--expose-gc");
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? runInNewContext("gc");

// pages are computed from the index, so the server itself holds no list in the measured heap
let total = 0;
let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const url = new URL(req.url ?? "/", "http://x");
  const page = Number(url.searchParams.get("page"));
  const size = Number(url.searchParams.get("page_size"));
  const results = [];
  for (let i = (page - 1) * size; i < Math.min(total, page * size); i++) {
    results.push({ id: `person-${i}`, given_name: "Ada", family_name: `Lovelace ${i}`, email_address: `p${i}@example.com`, capacity: 1, billable: true, tags: ["bench"], archived: false });
  }
  const body = JSON.stringify({ count: results.length, total, page, total_pages: Math.ceil(total / size), page_size: size, results });
  res.writeHead(200, { "content-type": "application/json" }).end(body);
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = createParallaxClient({ apiKey: "bench", baseUrl, rateLimit: false, retry: false });

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
function heap(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

interface Row {
  mode: "for await" | "toArray";
  n: number;
  requests: number;
  expected: number;
  itemsPerSec: number;
  growth: number;
}

// Each pass is its own async function: a finished call's frame cannot keep the previous pass's
// items reachable while the next pass measures.
async function timed(mode: Row["mode"], n: number): Promise<{ requests: number; itemsPerSec: number }> {
  requests = 0;
  const t = performance.now();
  let count = 0;
  if (mode === "for await") for await (const _ of client.paginate("/v1/people")) count++;
  else count = (await client.paginate("/v1/people").toArray()).length;
  const seconds = (performance.now() - t) / 1000;
  if (count !== n) throw new Error(`${mode} listed ${count} of ${n} items`);
  return { requests, itemsPerSec: Math.round(n / seconds) };
}

// peak retained heap above the starting point, sampled after gc every 10 pages
async function growth(mode: Row["mode"], n: number): Promise<number> {
  const base = heap();
  let peak = 0;
  if (mode === "for await") {
    let i = 0;
    for await (const _ of client.paginate("/v1/people")) if (++i % (PAGE_MAX * 10) === 0) peak = Math.max(peak, heap() - base);
  } else {
    const all = await client.paginate("/v1/people").toArray();
    peak = heap() - base;
    if (all.length !== n) throw new Error("toArray lost items");
  }
  return Math.max(0, peak);
}

async function run(mode: Row["mode"], n: number): Promise<Row> {
  total = n;
  const { requests: used, itemsPerSec } = await timed(mode, n);
  return { mode, n, requests: used, expected: Math.max(1, Math.ceil(n / PAGE_MAX)), itemsPerSec, growth: await growth(mode, n) };
}

const rows: Row[] = [];
try {
  await run("for await", SMALL); // warm-up (JIT, sockets), not reported
  for (const [mode, n] of [["for await", SMALL], ["for await", LARGE], ["toArray", LARGE]] as const) rows.push(await run(mode, n));
  total = LARGE;
  const estimate = await createParallaxClient({ apiKey: "bench", baseUrl, retry: false }).paginate("/v1/people").estimate();

  console.log("\nclient.paginate('/v1/people') from a local server, page_size 500, pacing off\n");
  console.log("| mode | items | requests | ceil(n/500) | items/s | heap growth while iterating |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.mode} | ${r.n.toLocaleString("en")} | ${r.requests} | ${r.expected} | ${r.itemsPerSec.toLocaleString("en")} | ${mb(r.growth)} MB |`);
  console.log(
    `\nWith the spec's rate limit (100 / 60 s), ${LARGE.toLocaleString("en")} items need ${estimate.requests} requests = ${estimate.windowShare} windows: at least ${estimate.minDurationMs / 1000} s of pacing.`,
  );
  const streaming = rows.filter((r) => r.mode === "for await");
  const ratio = streaming[1]!.growth / Math.max(streaming[0]!.growth, 1);
  console.log(`for await heap growth at ${LARGE / 1000}k vs ${SMALL / 1000}k: ×${ratio.toFixed(1)} for ×10 items (flat ≈ ×1); toArray at ${LARGE / 1000}k: ${mb(rows[2]!.growth)} MB.`);
  const [, big, all] = rows as [Row, Row, Row];
  const items = LARGE.toLocaleString("en");
  record({
    id: "pagination.requests",
    measure: `paginate() over ${items} items (page-number, max page size ${PAGE_MAX}): requests`,
    ours: big.requests,
    unit: "",
    peer: { name: `ceil(n / ${PAGE_MAX})`, value: big.expected },
    target: `= ceil(n / ${PAGE_MAX})`,
    met: big.requests === big.expected,
  });
  record({
    id: "pagination.heap",
    measure: `paginate() over ${items} items: peak heap growth, for await vs toArray()`,
    ours: big.growth / 1024 / 1024,
    unit: "MB",
    peer: { name: "toArray()", value: all.growth / 1024 / 1024 },
    // MB beside MB: the ratio of two near-zero growths says nothing
    note: `for await over ${SMALL.toLocaleString("en")} items: ${mb(rows[0]!.growth)} MB (flat when both are ≈ equal); ${big.itemsPerSec.toLocaleString("en")} items/s, pacing off`,
  });
  if (rows.some((r) => r.requests !== r.expected)) process.exitCode = 1;
} finally {
  client.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}
