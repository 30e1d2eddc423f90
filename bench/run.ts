// pnpm bench [--quick] [--out <file>] [name…]: runs each benchmark in bench/ (one file per concern)
// in its own process, in turn, so one benchmark's heap or sockets cannot skew the next. Each prints
// its own tables and record()s one row per measure into an ndjson file (APIFORGE_BENCH_OUT); at the
// end the rows become one table with the machine, written to bench/results.md.
//   --quick   APIFORGE_BENCH_QUICK=1: every benchmark shrinks its samples (a pull-request check, < 2 min)
//   --out     where the report goes. Default: bench/results.md for a full run of every benchmark; a
//             quick or partial run goes to .tmp/bench-results.md so it never replaces the committed report.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../scripts/lib/atomic.ts";
import { bin, exec, toolRoot } from "../scripts/lib/exec.ts";
import { machineNow, parseRows, renderResults } from "./_results.ts";

const dir = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { quick: { type: "boolean" }, out: { type: "string" } },
  allowPositionals: true,
});
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts") && !f.endsWith(".config.ts") && !f.startsWith("_"))
  .sort();
const unknown = positionals.filter((p) => !all.includes(`${p}.ts`));
if (unknown.length) {
  console.error(`✘ no benchmark named ${unknown.join(", ")}; there are: ${all.map((f) => path.basename(f, ".ts")).join(", ")}`);
  process.exit(2);
}
const benches = all.filter((f) => !positionals.length || positionals.includes(path.basename(f, ".ts")));
const quick = values.quick === true;
const partial = benches.length < all.length;
const out = path.resolve(values.out ?? (quick || partial ? path.join(toolRoot, ".tmp/bench-results.md") : path.join(dir, "results.md")));

// bundle and cli-export measure the built packages: a stale dist/ would report an older runtime
const build = await exec(bin("turbo"), ["run", "build", "--output-logs=errors-only"], { inherit: true, env: { TURBO_TELEMETRY_DISABLED: "1" } });
if (build.code !== 0) {
  console.error("✘ pnpm build failed: fix the build before benchmarking it");
  process.exit(build.code);
}

const scratch = mkdtempSync(path.join(tmpdir(), "apiforge-bench-"));
const ndjson = path.join(scratch, "rows.ndjson");
const loadStart = loadavg();
const startedAt = new Date().toISOString();
const t0 = performance.now();
const failed: string[] = [];
const durations: { file: string; seconds: number }[] = [];
try {
  for (const file of benches) {
    console.log(`\n━━ bench/${file} ━━`);
    const started = performance.now();
    // --expose-gc lets memory benchmarks measure retained heap rather than garbage
    const r = await exec(bin("tsx"), ["--expose-gc", path.join(dir, file)], {
      inherit: true,
      env: { NODE_ENV: "production", APIFORGE_BENCH_OUT: ndjson, ...(quick ? { APIFORGE_BENCH_QUICK: "1" } : {}) },
    });
    durations.push({ file: path.basename(file, ".ts"), seconds: (performance.now() - started) / 1000 });
    if (r.code !== 0) {
      failed.push(`bench/${file}`);
      console.error(`✘ bench/${file} exited with ${r.code}`);
    }
  }
  let text = "";
  try {
    text = readFileSync(ndjson, "utf8");
  } catch {
    // no benchmark recorded anything
  }
  const md = renderResults(parseRows(text), machineNow(loadStart), { mode: quick ? "quick" : "full", startedAt, seconds: (performance.now() - t0) / 1000, failed, durations });
  mkdirSync(path.dirname(out), { recursive: true });
  await writeFileAtomic(out, md);
  console.log(`\n━━ report ━━\n\n${md}\n→ ${path.relative(process.cwd(), out) || out}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exitCode = failed.length ? 1 : 0;
