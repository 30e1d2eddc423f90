// pnpm bench [name…]: runs each benchmark in bench/ (one file per concern) in its own process, in
// turn, so one benchmark's heap or sockets cannot skew the next. Each prints its own table.
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bin, exec } from "../scripts/lib/exec.ts";

const dir = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2).filter((a) => a !== "--");
const benches = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.endsWith(".test.ts") && !f.startsWith("_"))
  .filter((f) => !wanted.length || wanted.includes(path.basename(f, ".ts")))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n━━ bench/${file} ━━`);
  // --expose-gc lets memory benchmarks measure retained heap rather than garbage
  const r = await exec(bin("tsx"), ["--expose-gc", path.join(dir, file)], { inherit: true, env: { NODE_ENV: "production" } });
  if (r.code !== 0) {
    failed++;
    console.error(`✘ bench/${file} exited with ${r.code}`);
  }
}
process.exitCode = failed ? 1 : 0;
