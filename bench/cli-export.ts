// pnpm bench cli-export: the built `apiforge` exports 100 000 items from a local Parallax-shaped
// server under a compressed rate-limit window (--rate-limit 20/2s instead of the spec's 100/60s).
// Reports wall time against the window ceiling (ceil(requests / limit) windows × window length: the
// least time the limit's windows span), peak RSS of the CLI process (ndjson and csv streamed to a
// file), and requests used against ceil(n / 500), the spec's largest page size.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { quick, record } from "./_report.ts";
import { fmt, table } from "./_table.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "apps/cli/dist/main.js");
if (!existsSync(bin)) throw new Error(`${path.relative(root, bin)} is missing: run \`pnpm build\` (or \`pnpm --filter @apiforge/cli build\`) first.`);

const N = quick ? 20_000 : 100_000;
const PAGE_MAX = 500;
const LIMIT = quick ? 8 : 20;
const WINDOW_MS = 2000;

// pages are computed from the index: the server holds no list
let requests = 0;
const server = createServer((req, res) => {
  requests++;
  const url = new URL(req.url ?? "/", "http://x");
  const page = Number(url.searchParams.get("page") ?? 1);
  const size = Number(url.searchParams.get("page_size") ?? PAGE_MAX);
  const results = [];
  for (let i = (page - 1) * size; i < Math.min(N, page * size); i++) {
    results.push({ id: `at-${i}`, project_id: `p-${i % 97}`, person: { id: `person-${i % 13}`, name: `Ada ${i % 13}` }, recorded_date: "2025-03-03", hours: (i % 8) + 0.5, billable: i % 2 === 0, tags: ["bench"] });
  }
  const body = JSON.stringify({ results, total: N, total_pages: Math.ceil(N / size), page, page_size: size });
  res.writeHead(200, { "content-type": "application/json" }).end(body);
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = mkdtempSync(path.join(tmpdir(), "apiforge-bench-"));

interface Run {
  format: string;
  wallS: number;
  rssMb: number;
  requests: number;
  bytes: number;
}

function exportOnce(format: "ndjson" | "csv"): Promise<Run> {
  const out = path.join(dir, `export.${format}`);
  const args = [bin, "parallax", "list", "list-actual-time", "--all", "--format", format, "--output", out, "--rate-limit", `${LIMIT}/${WINDOW_MS}ms`, "--verbose"];
  requests = 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? "", PARALLAX_API_KEY: "bench-key", PARALLAX_BASE_URL: baseUrl }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      const wallS = (performance.now() - started) / 1000;
      const rss = /peak RSS (\d+) MB/.exec(stderr);
      if (code !== 0 || !rss) return reject(new Error(`apiforge exited ${code}: ${stderr.slice(-500)}`));
      resolve({ format, wallS, rssMb: Number(rss[1]), requests, bytes: statSync(out).size });
    });
  });
}

const expectedRequests = Math.ceil(N / PAGE_MAX);
const windows = Math.ceil(expectedRequests / LIMIT);
const ceilingS = (windows * WINDOW_MS) / 1000;
const runs: Run[] = [];
for (const format of ["ndjson", "csv"] as const) runs.push(await exportOnce(format));
server.close();
rmSync(dir, { recursive: true, force: true });

table(
  `apiforge list --all: ${N} items, --rate-limit ${LIMIT}/${WINDOW_MS / 1000}s, ceiling ${windows} windows × ${WINDOW_MS / 1000} s = ${ceilingS} s`,
  ["format", "wall s", "× ceiling", "peak RSS MB", "requests", "ceil(n/500)", "output MB"],
  runs.map((r) => [r.format, fmt(r.wallS, 2), fmt(r.wallS / ceilingS, 3), r.rssMb, r.requests, expectedRequests, fmt(r.bytes / 1024 / 1024, 1)]),
);

const note = `${N} items, ${LIMIT} requests / ${WINDOW_MS / 1000} s, ${expectedRequests} pages of ${PAGE_MAX}; wall includes process start-up; the last window's sends may start at ${(windows - 1) * (WINDOW_MS / 1000)} s`;
for (const r of runs) {
  record({ id: `cli-export.${r.format}.wall`, measure: `apiforge list --all --format ${r.format}: wall time vs the rate-limit window ceiling`, ours: Number(r.wallS.toFixed(2)), unit: "s", peer: { name: "window ceiling", value: ceilingS }, target: "≤ 1.05×", met: r.wallS <= ceilingS * 1.05, note });
  record({ id: `cli-export.${r.format}.rss`, measure: `apiforge list --all --format ${r.format} --output: peak RSS of the CLI process`, ours: r.rssMb, unit: "MB", target: "< 150 MB", met: r.rssMb < 150, note: `${N} rows` });
  record({ id: `cli-export.${r.format}.requests`, measure: `apiforge list --all --format ${r.format}: requests used vs ceil(n / max page size)`, ours: r.requests, unit: "requests", peer: { name: "ceil(n/500)", value: expectedRequests }, target: "= ceil(n/500)", met: r.requests === expectedRequests });
}
