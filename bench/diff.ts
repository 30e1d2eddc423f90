// pnpm bench diff [--cases N|all] (default 8: Optic takes ~15–30 s per diff of this spec, so the whole
// corpus costs ~20 min): time to diff the committed spec against each corpus mutation, ours
// vs `optic diff`, measured side by side in one run. Ours is timed twice: in-process (parse both
// YAML texts + diffSpecs, median of 5) and as a CLI process (`tsx scripts/spec-diff.ts`), which
// pays the same kind of process start-up Optic does. The ratio uses the CLI, the fair comparison.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import { diffSpecs } from "../packages/spec-diff/src/index.ts";
import { bin, exec, toolRoot } from "../scripts/lib/exec.ts";
import { CORPUS, CORPUS_SPEC, OPTIC_ENV, mutated } from "../scripts/test/corpus/index.ts";

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== "--"), options: { cases: { type: "string" } } });
const cases = values.cases === "all" ? CORPUS : CORPUS.slice(0, values.cases ? Number(values.cases) : 8);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const t = performance.now();
  const r = await exec(cmd, args, { env });
  if (r.code !== 0 && r.code !== 1) throw new Error(`${path.basename(cmd)} exited ${r.code}: ${r.stderr.slice(0, 300)}`);
  return performance.now() - t;
}

const dir = mkdtempSync(path.join(tmpdir(), "bench-diff-"));
const baseText = readFileSync(CORPUS_SPEC, "utf8");
const rows: { name: string; inproc: number; cli: number; optic: number }[] = [];
try {
  for (const [i, c] of cases.entries()) {
    const headText = stringify(mutated(c));
    const headFile = path.join(dir, `case-${i}.yaml`);
    writeFileSync(headFile, headText);
    const runs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      diffSpecs(parse(baseText), parse(headText));
      runs.push(performance.now() - t);
    }
    const cli = await timed(bin("tsx"), [path.join(toolRoot, "scripts/spec-diff.ts"), "--base", CORPUS_SPEC, "--head", headFile, "--format", "json"]);
    const optic = await timed(bin("optic"), ["diff", CORPUS_SPEC, headFile, "--check", "--json"], OPTIC_ENV);
    rows.push({ name: c.name, inproc: median(runs), cli, optic });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const ms = (n: number) => n.toFixed(0).padStart(6);
console.log(`spec: ${path.relative(toolRoot, CORPUS_SPEC)} (${(baseText.length / 1024).toFixed(0)} KiB), ${rows.length} mutations\n`);
console.log(`${"case".padEnd(52)} ${"ours ms".padStart(8)} ${"ours CLI".padStart(8)} ${"optic".padStart(8)} ${"optic/CLI".padStart(9)}`);
for (const r of rows) console.log(`${r.name.slice(0, 52).padEnd(52)} ${ms(r.inproc).padStart(8)} ${ms(r.cli).padStart(8)} ${ms(r.optic).padStart(8)} ${(r.optic / r.cli).toFixed(1).padStart(8)}×`);
const m = { inproc: median(rows.map((r) => r.inproc)), cli: median(rows.map((r) => r.cli)), optic: median(rows.map((r) => r.optic)) };
console.log(`${"median".padEnd(52)} ${ms(m.inproc).padStart(8)} ${ms(m.cli).padStart(8)} ${ms(m.optic).padStart(8)} ${(m.optic / m.cli).toFixed(1).padStart(8)}×`);
console.log(`\nOptic is ${(m.optic / m.cli).toFixed(1)}× slower than our CLI and ${(m.optic / m.inproc).toFixed(0)}× slower than our library call (target ≥ 5×).`);
