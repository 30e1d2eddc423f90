// Every step over every API: a scratch repository with two APIs (mini, and kennel pulled from a
// multi-file description). Without --api each step runs over both and prints one summary table;
// --api selects one; spec:pull asks which API when there are several.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScratch, sourcesDir, type Scratch } from "./scratch.ts";

let s: Scratch;
beforeAll(async () => {
  s = await makeScratch(["kennel"]);
  const pulled = await s.cli("spec-pull.ts", ["--api", "kennel", "--from", path.join(sourcesDir, "kennel", "openapi.yaml")]);
  expect(pulled.code, pulled.output).toBe(0);
}, 120_000);
afterAll(() => s.dispose());

const row = (api: string, result: "ok" | "FAIL") => new RegExp(`^\\s+${api}\\s+[✔✘] ${result}\\s+[\\d.]+ s`, "m");

describe("several APIs", () => {
  it("generate without --api generates both, with one summary table", async () => {
    const r = await s.cli("generate.ts", []);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/packages\/kennel\/src\/generated: wrote meta\.ts, schema\.ts/);
    expect(r.output).toMatch(/packages\/mini\/src\/generated: up to date/);
    expect(r.output).toMatch(/generate summary\n\s+API\s+result/);
    expect(r.output).toMatch(row("kennel", "ok"));
    expect(r.output).toMatch(row("mini", "ok"));
  });

  it("generate:check without --api checks both; a stale file in one names it and the one fix command", async () => {
    const ok = await s.cli("generate-check.ts", []);
    expect(ok.code, ok.output).toBe(0);
    expect(ok.output).toMatch(row("kennel", "ok"));
    const file = path.join(s.root, "packages/kennel/src/generated/schema.ts");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, `${original}// hand edit\n`);
    try {
      const stale = await s.cli("generate-check.ts", []);
      expect(stale.code).toBe(1);
      expect(stale.output).toMatch(row("kennel", "FAIL"));
      expect(stale.output).toMatch(row("mini", "ok"));
      expect(stale.output).toMatch(/packages\/kennel\/src\/generated\/schema\.ts[\s\S]*Fix: run `pnpm generate --api kennel`/);
      // --api selects one: mini alone is current
      expect((await s.cli("generate-check.ts", ["--api", "mini"])).code).toBe(0);
    } finally {
      writeFileSync(file, original);
    }
  });

  it("spec:lint and regen (without build) run over both", async () => {
    const lint = await s.cli("spec-lint.ts", []);
    expect(lint.code, lint.output).toBe(0);
    expect(lint.output).toMatch(/spec:lint summary/);
    expect(lint.output).toMatch(row("kennel", "ok"));
    expect(lint.output).toMatch(row("mini", "ok"));
    const regen = await s.cli("regen.ts", ["--skip-build"]);
    expect(regen.code, regen.output).toBe(0);
    expect(regen.output).toMatch(/API {10}kennel \(\(outside the repository\)\/openapi\.yaml\), OpenAPI 3\.0\.3/);
    expect(regen.output).toMatch(/API {10}mini \(hand-maintained spec\), OpenAPI 3\.1\.0/);
    expect(regen.output).toMatch(row("kennel", "ok"));
  });

  it("one failing API fails the step, names it, and does not stop the others", async () => {
    const lock = path.join(s.root, "spec/kennel/source.json");
    const saved = readFileSync(lock, "utf8");
    rmSync(lock);
    try {
      const r = await s.cli("generate.ts", []);
      expect(r.code).toBe(1);
      expect(r.output).toMatch(/✘ kennel: spec\/kennel\/openapi\.yaml has no lock file/);
      expect(r.output).toMatch(row("mini", "ok"));
      expect(r.output).toMatch(/generate failed for 1 of 2 APIs: kennel[\s\S]*Fix: fix them one at a time with `pnpm generate --api kennel`/);
    } finally {
      writeFileSync(lock, saved);
    }
  });

  it("spec:pull without --api names the APIs that exist", async () => {
    const r = await s.cli("spec-pull.ts", []);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/This repository has 2 APIs \(kennel, mini\); say which one\.[\s\S]*Fix: pass --api <name>/);
  });

  it("spec:lint on an API without redocly.yaml says so and how to create one", async () => {
    const config = path.join(s.root, "spec/kennel/redocly.yaml");
    const saved = readFileSync(config, "utf8");
    rmSync(config);
    try {
      const r = await s.cli("spec-lint.ts", ["--api", "kennel"]);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(/spec\/kennel\/redocly\.yaml does not exist, so Redocly's `recommended` rules applied; create it with `extends: \[recommended\]`/);
      expect(r.output).toMatch(/0 errors, \d+ warnings \(recommended, no redocly\.yaml\)/);
    } finally {
      writeFileSync(config, saved);
    }
  });
});
