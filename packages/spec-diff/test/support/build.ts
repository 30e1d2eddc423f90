// vitest globalSetup: the CLI tests run the built bin, as `npx @apiforge/spec-diff` runs it, not the
// TypeScript sources. Builds the package (tsup, as `pnpm build` does) when dist is older than src,
// so a run after `turbo run build` rebuilds nothing.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function newestSource(): number {
  const files = ["src", ...["tsup.config.ts", "package.json"]].flatMap((f) => (f === "src" ? readdirSync(path.join(pkg, "src")).map((x) => path.join("src", x)) : [f]));
  return Math.max(...files.map((f) => statSync(path.join(pkg, f)).mtimeMs));
}

export default function setup(): void {
  const bin = path.join(pkg, "dist/bin.js");
  if (existsSync(bin) && existsSync(path.join(pkg, "dist/index.d.ts")) && statSync(bin).mtimeMs >= newestSource()) return;
  execFileSync(path.join(pkg, "../../node_modules/.bin/tsup"), [], { cwd: pkg, stdio: ["ignore", "ignore", "inherit"] });
}
