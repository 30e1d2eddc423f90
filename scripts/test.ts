// pnpm test: build every package (turbo, cached), run the whole vitest suite (all projects, type
// tests included) and end with the plain `N passed, N failed` line our CI reads.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { bin, exec, toolRoot } from "./lib/exec.ts";

const env = { TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
const build = await exec(bin("turbo"), ["run", "build", "--output-logs=errors-only"], { inherit: true, env });
if (build.code !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(build.code);
}

const out = path.join(toolRoot, ".tmp", "vitest.json");
mkdirSync(path.dirname(out), { recursive: true });
rmSync(out, { force: true });
const args = ["run", "--reporter=default", "--reporter=json", `--outputFile=${out}`, ...process.argv.slice(2).filter((a) => a !== "--")];
const vitest = await exec(bin("vitest"), args, { inherit: true, env });

let summary: { numPassedTests: number; numFailedTests: number; numTotalTests: number } | undefined;
try {
  summary = JSON.parse(readFileSync(out, "utf8"));
} catch {
  // vitest crashed before writing its report: count that as a failure
}
const passed = summary?.numPassedTests ?? 0;
const failed = summary ? summary.numFailedTests + (vitest.code !== 0 && summary.numFailedTests === 0 ? 1 : 0) : 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(vitest.code !== 0 ? vitest.code : passed === 0 ? 1 : 0);
