// pnpm bench api-add: `pnpm api:add` (cold: a fresh installed copy of the repo, workspace
// dependencies already built, nothing cached for the new package) and `pnpm regen --api` (warm:
// the second run) for two real vendor documents: Sage Intacct's project document (364 KB, with the
// overlay its contract suite needs) and Stripe's public spec (2.4 MB, its lint errors accepted).
// Peak memory is the largest resident set of any process in the run (GNU time's %M).
// Targets: Sage api:add < 30 s cold including the contract suite, regen < 5 s warm.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { exec } from "../scripts/lib/exec.ts";
import { installedCopy } from "../scripts/test/installed-copy.ts";
import { quick, record } from "./_report.ts";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const ALL_CASES = [
  { name: "sage", from: "bench/fixtures/sage-project-and-resource-management.json", args: ["--overlay", "bench/fixtures/sage-project.overlay.yaml"], target: { add: 30, regen: 5 } },
  // Prism 5.14 had not started on this document after 8 minutes (like stoplightio/prism#1479), so
  // its contract suite is left out and the row says so
  { name: "stripe", from: "bench/fixtures/stripe.json", args: ["--accept-lint", "--skip-contract"], target: null },
];
// quick mode measures nothing here: an installed copy plus one api:add with its builds and contract
// suite is minutes on a shared 2-core machine, more than the whole quick budget
if (quick) {
  console.log("skipped in quick mode (minutes of install, build and contract suite); `pnpm bench api-add` runs it");
  process.exit(0);
}
const CASES = ALL_CASES;
const TIME = "/usr/bin/time";

interface Run {
  ok: boolean;
  seconds: number;
  /** What the command itself reports as its time (regen's summary), without process start-up. */
  ownSeconds: number;
  peakMiB: number;
  steps: Record<string, number>;
  failure?: string;
}

async function timed(root: string, script: string, args: string[]): Promise<Run> {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const cmd = existsSync(TIME) ? TIME : tsx;
  const argv = existsSync(TIME) ? ["-f", "@@time %e %M", tsx, path.join(root, "scripts", script), ...args] : [path.join(root, "scripts", script), ...args];
  const t0 = performance.now();
  const r = await exec(cmd, argv, { cwd: root, env: { NO_COLOR: "1", TURBO_TELEMETRY_DISABLED: "1", INIT_CWD: root, APIFORGE_ROOT: "" } });
  const seconds = (performance.now() - t0) / 1000;
  const out = r.stdout + r.stderr;
  const kb = Number(out.match(/@@time [\d.]+ (\d+)/)?.[1] ?? Number.NaN);
  // api:add prints `✔ <what> (1.2 s)` per step; the step is the line's first word(s)
  const steps: Record<string, number> = {};
  for (const m of out.matchAll(/^✔ (\w+).*\(([\d.]+) s\)$/gm)) steps[m[1]!] = Number(m[2]);
  const failure = r.code === 0 ? undefined : (out.match(/✘ ([^\n]+)/)?.[1] ?? out.trim().split("\n").slice(-3).join(" | "));
  const ownSeconds = Number(out.match(/^\s+time\s+([\d.]+) s$/m)?.[1] ?? Number.NaN);
  return { ok: r.code === 0, seconds, ownSeconds, peakMiB: kb / 1024, steps, failure };
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const repo = await installedCopy();
const rows: string[] = [];
let failed = 0;
try {
  const deps = await exec(path.join(repo.root, "node_modules/.bin/turbo"), ["run", "build", "--filter=@apiforge/runtime", "--filter=@apiforge/testkit", "--output-logs=errors-only"], {
    cwd: repo.root,
    env: { TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (deps.code !== 0) throw new Error(`building the workspace dependencies failed:\n${deps.stdout}${deps.stderr}`);
  for (const c of CASES) {
    if (!existsSync(path.join(fixtures, path.basename(c.from)))) throw new Error(`${c.from} is missing`);
    const add = await timed(repo.root, "api-add.ts", [c.name, "--from", c.from, ...c.args]);
    if (!add.ok) {
      failed++;
      rows.push(`${c.name.padEnd(8)} api:add FAILED after ${fmt(add.seconds)} s: ${add.failure}`);
      continue;
    }
    await timed(repo.root, "regen.ts", ["--api", c.name]);
    const regen = await timed(repo.root, "regen.ts", ["--api", c.name]);
    const s = add.steps;
    const size = c.name === "stripe" ? "Stripe 2.4 MB, the largest spec here; lint errors accepted, contract suite skipped (Prism cannot load it)" : "Sage Intacct project document 364 KB + overlay, contract suite included";
    record({
      id: `api-add.${c.name}`,
      measure: `api:add ${c.name} (${size}), cold: wall time`,
      ours: add.seconds,
      unit: "s",
      target: c.target ? `< ${c.target.add} s` : undefined,
      met: c.target ? add.seconds < c.target.add : undefined,
      note: `peak RSS ${fmt(add.peakMiB)} MiB; generate ${fmt(s.generate ?? Number.NaN)} s, build ${fmt(s.build ?? Number.NaN)} s`,
    });
    if (regen.ok) {
      record({
        id: `api-add.${c.name}.regen`,
        measure: `regen --api ${c.name} right after its api:add (second run, warm): wall time`,
        ours: regen.seconds,
        unit: "s",
        peer: { name: "its api:add (cold)", value: add.seconds },
        target: c.target ? `< ${c.target.regen} s` : undefined,
        met: c.target ? regen.seconds < c.target.regen : undefined,
        note: `${fmt(regen.ownSeconds)} s by its own summary (without tsx start-up); peak RSS ${fmt(regen.peakMiB)} MiB`,
      });
    }
    rows.push(
      [
        c.name.padEnd(8),
        `${fmt(add.seconds)} s`.padStart(9),
        `${fmt(add.peakMiB)} MiB`.padStart(10),
        `${fmt(regen.seconds)} s`.padStart(8),
        `${fmt(regen.ownSeconds)} s`.padStart(8),
        `${fmt(regen.peakMiB)} MiB`.padStart(10),
        `  fetch ${fmt(s.fetched ?? Number.NaN)} · lint ${fmt(s.lint ?? Number.NaN)} · install ${fmt(s.pnpm ?? Number.NaN)} · generate ${fmt(s.generate ?? Number.NaN)} · deps ${fmt(s.dependencies ?? Number.NaN)} · build ${fmt(s.build ?? Number.NaN)} ∥ contract ${c.args.includes("--skip-contract") ? "not run" : fmt(s.contract ?? Number.NaN)}`,
        c.target ? `  target add < ${c.target.add} s ${add.seconds < c.target.add ? "✔" : "✘"}, regen < ${c.target.regen} s ${regen.seconds < c.target.regen ? "✔" : "✘"}` : "",
      ].join(" "),
    );
    if (!regen.ok) {
      failed++;
      rows.push(`${"".padEnd(8)} regen FAILED: ${regen.failure}`);
    }
  }
} finally {
  repo.dispose();
}
console.log(`${"API".padEnd(8)} ${"api:add".padStart(9)} ${"peak".padStart(10)} ${"regen".padStart(8)} ${"(own)".padStart(8)} ${"peak".padStart(10)}   api:add steps (s)`);
for (const r of rows) console.log(r);
console.log("\napi:add: cold (fresh installed copy, runtime + testkit built, the new package uncached), contract suite included (it runs beside the build: ∥); regen: second run, wall clock and (own) the time its summary reports, without tsx start-up.");
process.exitCode = failed ? 1 : 0;
