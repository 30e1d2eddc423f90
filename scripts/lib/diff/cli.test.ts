// `pnpm spec:diff` as a child process: exit 0 (nothing at or above --fail-on), 1 (something is), 2 (bad input).
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { shop } from "./fixtures/index.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const fixture = "scripts/lib/diff/fixtures/shop-31.yaml";
const dir = mkdtempSync(path.join(tmpdir(), "spec-diff-"));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/spec-diff.ts", ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

function write(name: string, doc: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof doc === "string" ? doc : stringify(doc));
  return file;
}

let breaking: string;
let docsOnly: string;
let warnOnly: string;
beforeAll(() => {
  const b = shop();
  b.components.parameters.PageSize.schema.maximum = 200;
  breaking = write("breaking.yaml", b);
  const d = shop();
  d.info.description = "Now with a description.";
  docsOnly = write("docs.yaml", d);
  const w = shop();
  w.servers.push({ url: "https://eu.shop.test" });
  w.servers.shift();
  warnOnly = write("warn.yaml", w);
});

describe("spec:diff exit codes", () => {
  it("0 for identical specs", async () => {
    const r = await cli("--base", fixture, "--head", fixture);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 changes");
  });

  it("1 for an ERR, with the json report on stdout", async () => {
    const r = await cli("--base", fixture, "--head", breaking, "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ bump: "major", counts: { ERR: 2 } });
  });

  it.each([
    ["WARN under the default ERR threshold", () => warnOnly, [], 0],
    ["WARN with --fail-on WARN", () => warnOnly, ["--fail-on", "WARN"], 1],
    ["docs-only INFO with --fail-on WARN", () => docsOnly, ["--fail-on", "WARN"], 0],
    ["docs-only INFO with --fail-on INFO", () => docsOnly, ["--fail-on", "INFO"], 1],
  ])("%s", async (_, head, extra, code) => {
    expect((await cli("--base", fixture, "--head", head(), ...(extra as string[]))).code).toBe(code);
  });

  it("reads the base from git (HEAD:path)", async () => {
    const r = await cli("--base", `HEAD:${fixture}`, "--head", breaking, "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).changes[0].id).toBe("request-parameter-max-decreased");
  });

  it("compares the SDK constants from --facts with the head spec", async () => {
    const facts = write("facts.json", JSON.stringify({ rateLimit: { limit: 200, windowMs: 60_000 }, pagination: null, bulkOperations: [] }));
    const r = await cli("--base", fixture, "--head", fixture, "--facts", facts, "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).changes.map((c: { id: string }) => c.id)).toEqual(["sdk-rate-limit-exceeds-spec"]);
  });

  it.each([
    ["a missing file", ["--base", "nope.yaml", "--head", fixture], /Cannot read nope\.yaml: ENOENT[\s\S]*Fix: pass a path/],
    ["a non-OpenAPI document", ["--base", "package.json", "--head", fixture], /package\.json has no "openapi: 3\.x" field[\s\S]*Fix:/],
    ["a Swagger 2 document", ["--base", "SWAGGER", "--head", fixture], /Swagger 2\.0 document; this pipeline needs OpenAPI 3\.x[\s\S]*Fix: convert it/],
    ["an unknown git ref", ["--base", `no-such-ref:${fixture}`, "--head", fixture], /Cannot read no-such-ref:.* from git[\s\S]*Fix: check that the ref exists/],
    ["invalid YAML", ["--base", "BROKEN", "--head", fixture], /is not valid YAML or JSON/],
    ["a missing --head", ["--base", fixture], /Both --base and --head are required/],
    ["an unknown format", ["--base", fixture, "--head", fixture, "--format", "html"], /--format must be text, json or markdown/],
    ["an unknown flag", ["--base", fixture, "--head", fixture, "--verbose"], /Unknown option '--verbose'/],
  ])("2 for %s, naming the problem and the fix", async (_, args, message) => {
    const resolved = args.map((a) => (a === "SWAGGER" ? write("swagger.yaml", "swagger: '2.0'\npaths: {}\n") : a === "BROKEN" ? write("broken.yaml", "openapi: [3.1\n") : a));
    const r = await cli(...resolved);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
