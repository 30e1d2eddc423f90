// `pnpm spec:diff` is @apiforge/spec-diff's CLI plus this repository's facts extractor: the
// runtime-limit rules run, and `--facts` (the constants meta.ts holds) is accepted.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const fixture = "packages/spec-diff/test/fixtures/shop-31.yaml";

function specDiff(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(root, "node_modules/.bin/tsx"), ["scripts/spec-diff.ts", ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

describe("pnpm spec:diff", () => {
  it("compares the SDK constants from --facts with the head spec", async () => {
    const facts = path.join(mkdtempSync(path.join(tmpdir(), "spec-diff-facts-")), "facts.json");
    writeFileSync(facts, JSON.stringify({ rateLimit: { limit: 200, windowMs: 60_000 }, pagination: null, bulkOperations: [] }));
    const r = await specDiff("--base", fixture, "--head", fixture, "--facts", facts, "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).changes.map((c: { id: string }) => c.id)).toEqual(["sdk-rate-limit-exceeds-spec"]);
  });

  it("names itself in usage errors", async () => {
    const r = await specDiff("--base", fixture);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Both --base and --head are required[\s\S]*Usage: pnpm spec:diff --base/);
  });
});
