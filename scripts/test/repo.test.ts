// Checks on the real checkout: every committed spec lints clean and matches its lock, the
// committed generated code is current, and turbo's cache behaves (hit on a rerun, miss on a spec edit).
import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApis, resolveApi } from "../lib/apis.ts";
import { bin, exec, toolRoot } from "../lib/exec.ts";
import { checkGenerated } from "../lib/generate.ts";
import { loadEffectiveSpec } from "../lib/effective.ts";
import { lintEffective } from "../lib/pull.ts";
import { verifyLock } from "../lib/lock.ts";
import { copyWorkspace } from "./scratch.ts";

const apis = listApis(toolRoot);

describe.each(apis)("committed API %s", (name) => {
  const api = resolveApi(name, toolRoot);
  it("snapshot matches its lock", () => {
    expect(() => verifyLock(api)).not.toThrow();
  });
  it("lints with zero errors (the effective document: snapshot + overlays, what generate reads)", async () => {
    await expect(lintEffective(api, loadEffectiveSpec(api), api.spec, name)).resolves.toMatchObject({ errors: 0 });
  });
  it("generated code is current (generate:check)", async () => {
    await expect(checkGenerated(api)).resolves.toEqual([]);
  });
});

describe("code health", () => {
  it("biome lint is clean (generated code excluded)", async () => {
    const r = await exec(bin("biome"), ["lint", "."], { cwd: toolRoot });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
  it("scripts and benchmarks type-check", async () => {
    const r = await exec(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"], { cwd: toolRoot });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
  it("every package type-checks and passes publint + attw (ESM with .d.ts)", async () => {
    const r = await exec(bin("turbo"), ["run", "typecheck", "test:exports", "--output-logs=errors-only"], { cwd: toolRoot, env: { TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 180_000);
});

describe("turbo build cache", () => {
  let copy: string;
  const turbo = (...args: string[]) =>
    exec(bin("turbo"), ["run", "build", ...args], { cwd: copy, env: { TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" } });
  const statuses = async () => {
    const r = await turbo("--dry=json");
    const plan = JSON.parse(r.stdout) as { tasks: { taskId: string; cache: { status: string } }[] };
    return Object.fromEntries(plan.tasks.map((t) => [t.taskId, t.cache.status]));
  };

  let ws: ReturnType<typeof copyWorkspace>;
  beforeAll(async () => {
    ws = copyWorkspace();
    copy = ws.root;
    const first = await turbo("--output-logs=errors-only");
    expect(first.code, first.stdout + first.stderr).toBe(0);
  }, 180_000);
  afterAll(() => ws.dispose());

  it("a second build is a full cache hit", async () => {
    const s = await statuses();
    expect(Object.keys(s).length).toBeGreaterThan(0);
    expect(Object.values(s).every((v) => v === "HIT"), JSON.stringify(s)).toBe(true);
  });

  it.each(apis)("touching spec/%s invalidates its package and nothing upstream", async (name) => {
    const api = resolveApi(name, copy);
    appendFileSync(path.join(copy, "spec", name, "openapi.yaml"), "\n# touched\n");
    const s = await statuses();
    expect(s[`${api.config.packageName}#build`]).toBe("MISS");
    expect(s["@apiforge/runtime#build"]).toBe("HIT");
  });
});
