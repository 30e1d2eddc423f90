// The one benchmark report: each benchmark calls record() for every measure it takes, and
// `pnpm bench` (run.ts) collects them into bench/results.md, one row per measure, with the machine.
// Outside `pnpm bench` (a benchmark run by hand with tsx) record() writes nothing: the tables printed are the output.
import { appendFileSync } from "node:fs";

export interface Measure {
  /** Stable key, so runs can be compared: "transport.overhead", "bundle.parallax.browser". */
  id: string;
  /** What a reader sees: "per-request overhead vs bare openapi-fetch (loopback GET)". */
  measure: string;
  /** Our number, in `unit`. */
  ours: number;
  unit: string;
  /** The peer measured in the same run (bare openapi-fetch, naive client, Optic, ceil(n/page)…). */
  peer?: { name: string; value: number };
  /** "≤ 1.05×", "≤ 30 s", "≤ 150 MB": what the issue or DESIGN.md asks for. */
  target?: string;
  /** Whether `target` is met; omit when there is no target. */
  met?: boolean;
  /** Anything a reader needs to trust the row (sample size, window, load). */
  note?: string;
}

/** `pnpm bench --quick` sets this: benchmarks shrink their sample sizes to fit a pull-request check. */
export const quick = process.env.APIFORGE_BENCH_QUICK === "1";

/** Adds one row to the report (run.ts points APIFORGE_BENCH_OUT at an ndjson file it collects). */
export function record(m: Measure): void {
  const out = process.env.APIFORGE_BENCH_OUT;
  if (out) appendFileSync(out, `${JSON.stringify(m)}\n`);
}
