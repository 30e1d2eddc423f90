// vitest globalSetup: builds the bin once (tsup, JS only: esbuild takes about a second) so the CLI
// tests run what `npx @apiforge/spec-diff` runs, not the TypeScript sources.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  execFileSync(path.join(pkg, "../../node_modules/.bin/tsup"), ["--no-dts"], { cwd: pkg, stdio: ["ignore", "ignore", "inherit"] });
}
