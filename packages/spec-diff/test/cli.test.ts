// The built bin as a child process, as `npx @apiforge/spec-diff` runs it: exit 0 (nothing at or
// above --fail-on), 1 (something is), 2 (bad input).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { shop } from "./fixtures/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const binJs = path.join(root, "packages/spec-diff/dist/bin.js");
const fixture = "packages/spec-diff/test/fixtures/shop-31.yaml";
const dir = mkdtempSync(path.join(tmpdir(), "spec-diff-"));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [binJs, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1" } }, (err, stdout, stderr) =>
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

describe("spec-diff bin exit codes", () => {
  it("0 for identical specs", async () => {
    const r = await cli("--base", fixture, "--head", fixture);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 changes");
  });

  it("1 for an ERR, with the json report on stdout", async () => {
    const r = await cli("--base", fixture, "--head", breaking, "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ bump: "major", counts: { ERR: 1 } });
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

  it("reads a document without an openapi field as 3.x when it has paths, and says so", async () => {
    const noVersion = shop();
    delete noVersion.openapi;
    const r = await cli("--base", fixture, "--head", write("no-version.yaml", noVersion));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no-version\.yaml has no "openapi" field; it was read as OpenAPI 3\.x/);
    expect(r.stdout).toContain("0 changes");
  });

  it("refuses --facts: the published bin has no facts extractor", async () => {
    const facts = write("facts.json", JSON.stringify({ rateLimit: { limit: 200, windowMs: 60_000 }, pagination: null, bulkOperations: [] }));
    const r = await cli("--base", fixture, "--head", fixture, "--facts", facts);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--facts needs a facts extractor[\s\S]*Fix: call `main\(argv, \{ extractFacts \}\)`/);
  });

  it("github: one annotation per change, the table appended to $GITHUB_STEP_SUMMARY", async () => {
    const summary = path.join(dir, "summary.md");
    writeFileSync(summary, "");
    const r = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [binJs, "--base", fixture, "--head", breaking, "--format", "github"], { cwd: root, env: { ...process.env, GITHUB_STEP_SUMMARY: summary } }, (err, stdout) =>
        resolve({ code: err ? Number(err.code) : 0, stdout }),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toMatch(/^::error title=ERR request-parameter-max-decreased::GET \/v1\/items: query parameter `page_size`: maximum decreased from 500 to 200$/);
    expect(readFileSync(summary, "utf8")).toMatch(/^### ❌ API diff: 1 breaking change: major bump/);
  });

  it.each([
    ["a missing file", ["--base", "nope.yaml", "--head", fixture], /Cannot read nope\.yaml: ENOENT[\s\S]*Fix: pass a path/],
    ["a non-OpenAPI document", ["--base", "package.json", "--head", fixture], /package\.json has no "openapi: 3\.x" field and no paths[\s\S]*Fix:/],
    ["a Swagger 2 document", ["--base", "SWAGGER", "--head", fixture], /Swagger 2\.0 document; spec-diff compares OpenAPI 3\.x[\s\S]*Fix: convert it/],
    ["an unknown git ref", ["--base", `no-such-ref:${fixture}`, "--head", fixture], /Cannot read no-such-ref:.* from git[\s\S]*Fix: check that the ref exists/],
    ["invalid YAML", ["--base", "BROKEN", "--head", fixture], /is not valid YAML or JSON/],
    ["a missing --head", ["--base", fixture], /Both --base and --head are required/],
    ["an unknown format", ["--base", fixture, "--head", fixture, "--format", "html"], /--format must be text, json, markdown or github/],
    ["an unknown flag", ["--base", fixture, "--head", fixture, "--verbose"], /Unknown option '--verbose'/],
  ])("2 for %s, naming the problem and the fix", async (_, args, message) => {
    const resolved = args.map((a) => (a === "SWAGGER" ? write("swagger.yaml", "swagger: '2.0'\npaths: {}\n") : a === "BROKEN" ? write("broken.yaml", "openapi: [3.1\n") : a));
    const r = await cli(...resolved);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
