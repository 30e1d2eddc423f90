// pnpm api:add end to end in an installed copy of the repository: three vendor-shaped fixtures
// (OpenAPI 3.1, OpenAPI 3.0 split across files, Swagger 2.0) each end as a built package whose
// rendered contract suite passes against Prism; every failure leaves `git status` clean.
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec } from "../lib/exec.ts";
import { freePort } from "../lib/test-servers.ts";
import { type InstalledCopy, installedCopy } from "./installed-copy.ts";

const FIXTURES = "scripts/test/fixtures/api-add";
let repo: InstalledCopy;

beforeAll(async () => {
  repo = await installedCopy();
}, 180_000);
afterAll(() => repo?.dispose());

const add = (...args: string[]) => repo.cli("api-add.ts", args);
const read = (file: string) => readFileSync(path.join(repo.root, file), "utf8");

describe("api:add refuses or rolls back, and git status stays clean", () => {
  it.each([
    ["an unreachable source", async () => add("acme", "--from", `http://127.0.0.1:${await freePort()}/openapi.yaml`), 1, /Could not reach http:\/\/127\.0\.0\.1:\d+\/openapi\.yaml/],
    ["a name that exists", async () => add("parallax", "--from", `${FIXTURES}/bookshop-31.yaml`), 2, /spec\/parallax\/ already exists/],
    ["an invalid npm name", async () => add("acme", "--from", `${FIXTURES}/bookshop-31.yaml`, "--package", "@apiforge/Acme API"), 2, /"@apiforge\/Acme API" is not a valid npm package name/],
    ["an invalid API name", async () => add("Acme_API", "--from", `${FIXTURES}/bookshop-31.yaml`), 2, /"Acme_API" cannot name an API/],
  ] as const)("%s", async (_what, run, code, message) => {
    const r = await run();
    expect(r.output).toMatch(message);
    expect(r.code, r.output).toBe(code);
    expect(repo.status()).toEqual([]);
  });

  it("lint errors: names each failing rule with its count and the flag that accepts them", async () => {
    const r = await add("sloppy", "--from", `${FIXTURES}/lint-fails.yaml`);
    expect(r.code, r.output).toBe(1);
    expect(r.output).toMatch(/found 5 errors in the sloppy bundle, by rule:/);
    expect(r.output).toMatch(/✘ operation-summary\s+2×/);
    expect(r.output).toMatch(/✘ security-defined\s+2×/);
    expect(r.output).toMatch(/✘ no-server-trailing-slash\s+1×/);
    expect(r.output).toContain(`pnpm api:add sloppy --from ${FIXTURES}/lint-fails.yaml --accept-lint`);
    expect(r.output).toContain("Nothing was kept");
    expect(repo.status()).toEqual([]);
  });

  it("an overlay action that matches nothing: names the action", async () => {
    const r = await add("bookshop", "--from", `${FIXTURES}/bookshop-31.yaml`, "--overlay", `${FIXTURES}/overlay-misses.yaml`);
    expect(r.code, r.output).toBe(1);
    expect(r.output).toContain("$.paths['/no-such-path'].get");
    expect(repo.status()).toEqual([]);
  });

  it("a failure after install (the contract suite, beside the build): pnpm-lock.yaml is restored too", async () => {
    const r = await add("contract-fails", "--from", `${FIXTURES}/contract-fails.yaml`);
    expect(r.code, r.output).toBe(1);
    expect(r.output).toContain("✔ pnpm install --offline --frozen-lockfile");
    expect(r.output).toContain("Nothing was kept");
    expect(repo.status()).toEqual([]);
  }, 240_000);
});

describe("api:add end to end: a built package whose generated contract suite passes", () => {
  it.each([
    ["bookshop", "Bookshop", `${FIXTURES}/bookshop-31.yaml`, "OpenAPI 3.1"],
    ["petstore", "Petstore", `${FIXTURES}/split-30/openapi.yaml`, "OpenAPI 3.0 split across files"],
    ["weather", "Weather", `${FIXTURES}/weather-20.json`, "Swagger 2.0"],
  ])("%s (%s, from %s: %s)", async (name, pascal, from) => {
    const r = await add(name, "--from", from);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/✔ contract suite against Prism: [1-9]\d* passed, 0 failed/);
    // the transaction touched nothing else
    expect(repo.status().sort()).toEqual([" M pnpm-lock.yaml", `?? packages/${name}/`, `?? spec/${name}/`]);
    expect(read(`packages/${name}/dist/index.d.ts`)).toContain(`create${pascal}Client`);
    // zero hand-written test code: the package's only test is the rendered one-line call
    expect(read(`packages/${name}/test/contract.test.ts`)).toMatch(/^contractSuite\(import\.meta\.url\);$/m);
    const lock = JSON.parse(read(`spec/${name}/source.json`));
    expect(lock.source).toBe(from);
    expect(lock.openapi).toMatch(/^3\./);
    // one self-contained snapshot: no external $ref is left for generate or spec:diff
    expect(read(`spec/${name}/openapi.yaml`)).not.toMatch(/\$ref["']?:\s*["']?\.{0,2}\//);
    repo.git("add", "-A");
    repo.git("-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qm", `add ${name}`);
  }, 240_000);
});

describe("a package added by api:add in the turbo graph", () => {
  const plan = async () => {
    const r = await exec(path.join(repo.root, "node_modules/.bin/turbo"), ["run", "build", "--dry=json"], { cwd: repo.root, env: { TURBO_TELEMETRY_DISABLED: "1" } });
    const tasks = (JSON.parse(r.stdout) as { tasks: { taskId: string; cache: { status: string } }[] }).tasks;
    return Object.fromEntries(tasks.map((t) => [t.taskId, t.cache.status]));
  };

  it("has its spec folder as a build input of exactly its package (its own turbo.json)", async () => {
    expect((await plan())["@apiforge/bookshop#build"]).toBe("HIT");
    appendFileSync(path.join(repo.root, "spec/bookshop/NOTES.md"), "\ntouched\n");
    const after = await plan();
    expect(after["@apiforge/bookshop#build"]).toBe("MISS");
    expect(after["@apiforge/petstore#build"]).toBe("HIT");
    expect(after["@apiforge/runtime#build"]).toBe("HIT");
    repo.git("checkout", "--", "spec/bookshop/NOTES.md");
  }, 120_000);
});
