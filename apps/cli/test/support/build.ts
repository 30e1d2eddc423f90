// vitest globalSetup: the tests run the built bin (dist/main.js with dist/specs/), as users run
// `apiforge`. Builds it (`pnpm build`'s steps) when dist is missing or older than the sources, so a
// run after `turbo run build` rebuilds nothing.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

export default function setup(): void {
  const bin = path.join(pkg, "dist/main.js");
  const fresh = existsSync(bin) && existsSync(path.join(pkg, "dist/specs")) && statSync(bin).mtimeMs >= Math.max(newest(path.join(pkg, "src")), statSync(path.join(pkg, "package.json")).mtimeMs);
  if (fresh) return;
  execFileSync("pnpm", ["run", "build"], { cwd: pkg, stdio: ["ignore", "ignore", "inherit"] });
}
