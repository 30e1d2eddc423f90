// pnpm bench diff [--cases N|all] [--optic-large]: spec-diff against `optic diff`, measured side by side.
//   1. the committed Parallax spec against each corpus mutation (default 8 of them): our library call
//      (parse + diffSpecs, median of 5), our published bin (`node dist/bin.js`, built JS, what `npx`
//      runs) and Optic, each as a process from start to exit;
//   2. large real specs: Stripe's 2.4 MB document (deeply recursive anyOf) against itself and against
//      a copy with one operation changed, and the 364 KB Sage Intacct document against itself. Optic
//      takes minutes on Stripe, so it runs there only with --optic-large.
// Targets (issue 15): Stripe self-diff and one-operation change under 3 s; the bin under 250 ms on
// Parallax and under 500 ms on Sage. The machine is shared: each figure is the median of 3 runs.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { diffSpecs, parseDocument } from "../packages/spec-diff/src/index.ts";
import { bin, exec, toolRoot } from "../scripts/lib/exec.ts";
import { extractFacts } from "../scripts/lib/spec-facts.ts";
import { CORPUS, CORPUS_SPEC, OPTIC_ENV, mutated } from "../scripts/test/corpus/index.ts";
import { quick, record } from "./_report.ts";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { cases: { type: "string" }, "optic-large": { type: "boolean" } } });
// quick mode: 2 corpus cases and one run per figure instead of 8 cases and medians of 3 (5 for the
// library), and no Optic on Sage (a minute on a busy machine)
const cases = values.cases === "all" ? CORPUS : CORPUS.slice(0, values.cases ? Number(values.cases) : quick ? 2 : 8);
const REPS = quick ? 1 : 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const binJs = path.join(toolRoot, "packages/spec-diff/dist/bin.js");
const STRIPE = path.join(toolRoot, "bench/fixtures/stripe.json");
const SAGE = path.join(toolRoot, "bench/fixtures/sage-project-and-resource-management.json");

// wall time depends on how busy the shared machine is; CPU time (user + sys, from GNU time when the
// machine has it) is what the process itself costs, so both are printed for our bin
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const cpu: number[] = [];

async function timed(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const t = performance.now();
  const r = GNU_TIME ? await exec(GNU_TIME, ["-f", "cpu %U %S", cmd, ...args], { env }) : await exec(cmd, args, { env });
  const wall = performance.now() - t;
  if (r.code !== 0 && r.code !== 1) throw new Error(`${path.basename(cmd)} exited ${r.code}: ${(r.stderr || r.stdout).slice(0, 300)}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  return wall;
}
/** Median CPU ms of the processes timed since the last call. */
function cpuSince(): number | undefined {
  const xs = cpu.splice(0);
  return xs.length ? median(xs) : undefined;
}
const runs = async (n: number, f: () => Promise<number> | number) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) xs.push(await f());
  return median(xs);
};
const ourBin = (base: string, head: string) => timed(process.execPath, [binJs, "--base", base, "--head", head, "--format", "json"]);
/** Our bin's wall and CPU time, median of `n` runs. */
async function ourBinTimes(base: string, head: string, n = REPS): Promise<{ wall: number; cpu: number | undefined }> {
  cpuSince();
  const wall = await runs(n, () => ourBin(base, head));
  return { wall, cpu: cpuSince() };
}
const optic = (base: string, head: string) => timed(bin("optic"), ["diff", base, head, "--check", "--json"], OPTIC_ENV);
function library(baseText: string, headText: string, origin: string): number {
  const t = performance.now();
  diffSpecs(parseDocument(baseText, origin), parseDocument(headText, origin), { extractFacts });
  return performance.now() - t;
}

// the bin runs the built JavaScript: build it first (esbuild only, about a second)
const build = await exec(bin("tsup"), ["--no-dts"], { cwd: path.join(toolRoot, "packages/spec-diff") });
if (build.code !== 0 || !existsSync(binJs)) throw new Error(`building packages/spec-diff failed: ${build.stderr.slice(0, 300)}`);

const dir = mkdtempSync(path.join(tmpdir(), "bench-diff-"));
const ms = (n: number | undefined) => (n === undefined ? "skipped" : n.toFixed(0)).padStart(8);
try {
  const baseText = readFileSync(CORPUS_SPEC, "utf8");
  const rows: { name: string; lib: number; cli: number; cliCpu: number | undefined; optic: number }[] = [];
  for (const [i, c] of cases.entries()) {
    const headText = stringify(mutated(c));
    const headFile = path.join(dir, `case-${i}.yaml`);
    writeFileSync(headFile, headText);
    const lib = await runs(quick ? 1 : 5, () => library(baseText, headText, headFile));
    const b = await ourBinTimes(CORPUS_SPEC, headFile);
    rows.push({ name: c.name, lib, cli: b.wall, cliCpu: b.cpu, optic: await runs(1, () => optic(CORPUS_SPEC, headFile)) });
  }
  console.log(`1. ${path.relative(toolRoot, CORPUS_SPEC)} (${(baseText.length / 1024).toFixed(0)} KiB), ${rows.length} corpus mutations\n`);
  console.log(`${"case".padEnd(52)} ${"library".padStart(8)} ${"bin".padStart(8)} ${"bin cpu".padStart(8)} ${"optic".padStart(8)} ${"optic/bin".padStart(9)}`);
  for (const r of rows) console.log(`${r.name.slice(0, 52).padEnd(52)} ${ms(r.lib)} ${ms(r.cli)} ${ms(r.cliCpu)} ${ms(r.optic)} ${(r.optic / r.cli).toFixed(1).padStart(8)}×`);
  const cpuMedian = rows.every((r) => r.cliCpu !== undefined) ? median(rows.map((r) => r.cliCpu!)) : undefined;
  const m = { lib: median(rows.map((r) => r.lib)), cli: median(rows.map((r) => r.cli)), optic: median(rows.map((r) => r.optic)) };
  console.log(`${"median (ms)".padEnd(52)} ${ms(m.lib)} ${ms(m.cli)} ${ms(cpuMedian)} ${ms(m.optic)} ${(m.optic / m.cli).toFixed(1).padStart(8)}×`);
  record({
    id: "diff.parallax.bin",
    measure: `spec:diff bin (node dist/bin.js) on Parallax vs a corpus mutation, median of ${rows.length} cases: wall time`,
    ours: m.cli,
    unit: "ms",
    peer: { name: "optic diff --check", value: m.optic },
    target: "< 250 ms",
    met: m.cli < 250,
    note: `${cpuMedian === undefined ? "" : `CPU ${cpuMedian.toFixed(0)} ms; `}library call ${m.lib.toFixed(0)} ms`,
  });
  console.log(`bin on Parallax: ${m.cli.toFixed(0)} ms wall${cpuMedian ? `, ${cpuMedian.toFixed(0)} ms CPU` : ""} (target < 250 ms) ${m.cli < 250 ? "✔" : "✘ (wall; see CPU on a busy machine)"}\n`);

  // 2. large real specs
  const stripeText = readFileSync(STRIPE, "utf8");
  const stripe = JSON.parse(stripeText);
  // one operation changed: a new optional query parameter on the first GET
  const [firstPath] = Object.entries<any>(stripe.paths).find(([, item]) => item.get)!;
  stripe.paths[firstPath].get.parameters = [...(stripe.paths[firstPath].get.parameters ?? []), { name: "bench_flag", in: "query", required: false, schema: { type: "boolean" } }];
  const stripeOne = path.join(dir, "stripe-one-op.json");
  writeFileSync(stripeOne, JSON.stringify(stripe));
  const large = [
    { id: "diff.stripe.self", name: "Stripe 2.4 MB, self-diff", base: STRIPE, head: STRIPE, optic: values["optic-large"], target: { what: "library", ms: 3000 } },
    { id: "diff.stripe.one-op", name: "Stripe 2.4 MB, one operation changed", base: STRIPE, head: stripeOne, optic: values["optic-large"], target: { what: "library", ms: 3000 } },
    { id: "diff.sage.self", name: "Sage Intacct 364 KB, self-diff", base: SAGE, head: SAGE, optic: !quick, target: { what: "bin", ms: 500 } },
  ];
  console.log(`2. large real specs (ms; Optic on Stripe only with --optic-large: it takes minutes)\n`);
  console.log(`${"pair".padEnd(40)} ${"library".padStart(8)} ${"bin".padStart(8)} ${"bin cpu".padStart(8)} ${"optic".padStart(8)}`);
  for (const l of large) {
    const bt = readFileSync(l.base, "utf8");
    const ht = readFileSync(l.head, "utf8");
    const lib = await runs(REPS, () => library(bt, ht, l.head));
    const cli = await ourBinTimes(l.base, l.head);
    const o = l.optic ? await runs(1, () => optic(l.base, l.head)) : undefined;
    console.log(`${l.name.padEnd(40)} ${ms(lib)} ${ms(cli.wall)} ${ms(cli.cpu)} ${ms(o)}`);
    const ours = l.target.what === "library" ? lib : cli.wall;
    record({
      id: l.id,
      measure: `spec:diff ${l.target.what === "library" ? "library call (parse + diff)" : "bin"}, ${l.name}: wall time`,
      ours,
      unit: "ms",
      peer: o === undefined ? undefined : { name: "optic diff --check", value: o },
      target: `< ${l.target.ms} ms`,
      met: ours < l.target.ms,
      note: `${l.target.what === "library" ? `bin ${cli.wall.toFixed(0)} ms` : `library ${lib.toFixed(0)} ms`}${cli.cpu === undefined ? "" : `, bin CPU ${cli.cpu.toFixed(0)} ms`}${o === undefined ? `; Optic not run here (${quick ? "quick mode" : "minutes on Stripe; --optic-large runs it"})` : ""}`,
    });
  }
  console.log("\ntargets: Stripe self-diff and one-operation change < 3000 ms (library); bin on Sage < 500 ms");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
