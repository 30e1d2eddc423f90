// pnpm exec tsx scripts/optic-compare.ts [--only <substring>] [--limit N]
// Runs every corpus mutation through our diff and through `optic diff --check --json` and prints
// one row per case: our verdict, Optic's, and whether they agree. Exit 1 when Optic calls a case
// breaking that we do not, unless the case carries an `opticNote` saying why Optic is wrong.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { parseFlags, run } from "./lib/cli.ts";
import { diffSpecs } from "../packages/spec-diff/src/index.ts";
import { extractFacts } from "./lib/spec-facts.ts";
import { bin, exec } from "./lib/exec.ts";
import { CORPUS, CORPUS_SPEC, OPTIC_ENV, baseDoc, mutated, type CorpusCase } from "./test/corpus/index.ts";

interface Row {
  c: CorpusCase;
  ours: string;
  oursBreaking: boolean;
  optic: string;
  opticBreaking: boolean;
}

async function optic(base: string, head: string): Promise<{ breaking: boolean; summary: string }> {
  const r = await exec(bin("optic"), ["diff", base, head, "--check", "--json"], { env: OPTIC_ENV });
  if (r.code !== 0 && r.code !== 1) throw new Error(`optic exited ${r.code}: ${(r.stderr || r.stdout).slice(0, 400)}`);
  if (r.code === 0) return { breaking: false, summary: "ok" };
  // --json carries the diff but not the failed checks; the text run names them ("x [rule] ...")
  const text = await exec(bin("optic"), ["diff", base, head, "--check"], { env: OPTIC_ENV });
  const rules = [...new Set([...(text.stdout + text.stderr).matchAll(/x \[([^\]]+)\]/g)].map((m) => m[1]))];
  return { breaking: true, summary: `breaking: ${rules.join("; ") || "(no rule named)"}` };
}

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { only: { type: "string" }, limit: { type: "string" } }, "tsx scripts/optic-compare.ts [--only <substring>] [--limit N]");
  const dir = mkdtempSync(path.join(tmpdir(), "optic-compare-"));
  const base = baseDoc();
  const cases = CORPUS.filter((c) => !flags.only || c.name.includes(flags.only)).slice(0, flags.limit ? Number(flags.limit) : undefined);
  const rows: Row[] = [];
  try {
    // two at a time: one per core, each optic run is a ~1.4 s process
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const i = next++;
        const c = cases[i]!;
        const head = mutated(c);
        const headFile = path.join(dir, `case-${i}.yaml`);
        writeFileSync(headFile, stringify(head));
        const report = diffSpecs(base, head, { extractFacts });
        const o = await optic(CORPUS_SPEC, headFile);
        rows[i] = { c, ours: `${report.counts.ERR ? "breaking" : "ok"} (${report.bump})`, oursBreaking: report.counts.ERR > 0, optic: o.summary, opticBreaking: o.breaking };
        // each verdict as it comes (Optic takes 15-60 s per case): a cut-short run still shows what it measured
        console.error(`[${rows.filter(Boolean).length}/${cases.length}] ${c.name}: ours ${rows[i]!.ours}, Optic ${o.summary}`);
      }
    };
    await Promise.all([worker(), worker()]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const agree = rows.filter((r) => r.oursBreaking === r.opticBreaking);
  const laxer = rows.filter((r) => r.opticBreaking && !r.oursBreaking);
  const unexplained = laxer.filter((r) => !r.c.opticNote);
  console.log(`| case | ours | Optic | agree |\n|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.c.name} | ${r.ours} | ${r.optic.replace(/\|/g, "/")} | ${r.oursBreaking === r.opticBreaking ? "yes" : "NO"} |`);
  console.log(`\n${agree.length}/${rows.length} cases agree on breaking vs not.`);
  for (const r of rows.filter((x) => x.oursBreaking !== x.opticBreaking)) {
    console.log(`- ${r.c.name}: ours ${r.ours}, Optic ${r.optic}${r.c.opticNote ? `\n  note: ${r.c.opticNote}` : ""}`);
  }
  if (unexplained.length) {
    console.error(`\n✘ Optic calls ${unexplained.length} case(s) breaking that we do not, with no opticNote: ${unexplained.map((r) => r.c.name).join(", ")}`);
    return 1;
  }
  console.log(`✔ ours is at least as strict as Optic on every case it calls breaking${laxer.length ? " (or the case explains why not)" : ""}.`);
  return 0;
});
