// The pure renderers behind api:add: the package template, the README table and the lockfile
// importer. Same input, same bytes.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withImporter, workspaceLinks } from "./lockfile.ts";
import { readFileSync } from "node:fs";
import { operationsTable, readmeTableDrift, syncReadmeTable, withOperationsTable } from "./readme.ts";
import { renderTemplate } from "./template.ts";

const vars = {
  name: "acme",
  packageName: "@apiforge/acme",
  Pascal: "Acme",
  env: "ACME_SPEC_URL",
  envPrefix: "ACME",
  title: 'Acme "Rockets" API',
  version: "1",
  operationCount: "1",
  operationsTable: "| t |",
  exampleCall: 'GET("/rockets")',
  sourceDisplay: "https://acme.test/openapi.json",
};

const doc = {
  openapi: "3.1.0",
  paths: {
    "/rockets": { get: { operationId: "listRockets", summary: "List | all rockets" }, post: { description: "Launch one. Then more." } },
  },
};

describe("renderTemplate", () => {
  const files = renderTemplate(vars);

  it("renders every template file, deterministically", () => {
    expect([...files.keys()]).toEqual([
      "LICENSE",
      "README.md",
      "examples/quick-start.ts",
      "package.json",
      "src/client.ts",
      "src/index.ts",
      "test/contract.test.ts",
      "test/examples.test.ts",
      "tsconfig.json",
      "tsup.config.ts",
      "turbo.json",
      "vitest.config.ts",
    ]);
    expect(renderTemplate(vars)).toEqual(files);
  });

  it("writes a package.json with workspace pins, exports and JSON-escaped text", () => {
    const pkg = JSON.parse(files.get("package.json")!);
    expect(pkg).toMatchObject({ name: "@apiforge/acme", exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } } });
    expect(pkg.description).toContain('Acme "Rockets" API');
    expect(Object.values({ ...pkg.dependencies, ...pkg.devDependencies }).every((v) => v === "workspace:*")).toBe(true);
  });

  it("makes the API's spec a turbo build input and the contract suite a one-line call", () => {
    expect(JSON.parse(files.get("turbo.json")!).tasks.build.inputs).toContain("$TURBO_ROOT$/spec/acme/**");
    expect(files.get("test/contract.test.ts")).toMatch(/^contractSuite\(import\.meta\.url\);$/m);
    expect(files.get("src/client.ts")).toContain("export function createAcmeClient(options: AcmeClientOptions = {}): AcmeClient {");
  });

  it("puts the quick start in the README verbatim and checks it with the testkit's examplesSuite", () => {
    const quickStart = files.get("examples/quick-start.ts")!;
    expect(quickStart).toContain('import { createAcmeClient } from "@apiforge/acme";');
    expect(quickStart).toContain('await client.GET("/rockets");');
    expect(files.get("README.md")).toContain("```ts\n" + quickStart.trimEnd() + "\n```");
    expect(files.get("test/examples.test.ts")).toMatch(/^examplesSuite\(import\.meta\.url\);$/m);
  });

  it("refuses a placeholder it has no value for", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tmpl-"));
    writeFileSync(path.join(dir, "x.md.tmpl"), "{{nope}}");
    expect(() => renderTemplate(vars, dir)).toThrow(/uses \{\{nope\}\}/);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("README operation table", () => {
  it("has one row per operation, pipes escaped, first sentence of a description as summary", () => {
    expect(operationsTable(doc as never).split("\n").slice(2)).toEqual([
      "| `listRockets` | GET | `/rockets` | List \\| all rockets |",
      "|  | POST | `/rockets` | Launch one. |",
    ]);
  });

  it("re-renders between the markers and reports drift", () => {
    const readme = "# x\n<!-- operations:begin (rendered) -->\nold\n<!-- operations:end -->\ntail\n";
    const fresh = withOperationsTable(readme, doc as never);
    expect(fresh).toContain("| `listRockets` |");
    expect(fresh.endsWith("<!-- operations:end -->\ntail\n")).toBe(true);
    expect(readmeTableDrift(readme, doc as never)).toBe(true);
    expect(readmeTableDrift(fresh, doc as never)).toBe(false);
  });
});

describe("syncReadmeTable (what generate and generate:check call)", () => {
  it("leaves a hand-written README alone, reports a stale table, and rewrites it on request", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "readme-"));
    const file = path.join(dir, "README.md");
    writeFileSync(file, "# hand-written\n");
    expect(await syncReadmeTable(dir, doc as never, { write: true })).toBe("no-table");
    writeFileSync(file, "# x\n<!-- operations:begin -->\nold\n<!-- operations:end -->\n");
    expect(await syncReadmeTable(dir, doc as never)).toBe("stale");
    expect(await syncReadmeTable(dir, doc as never, { write: true })).toBe("updated");
    expect(readFileSync(file, "utf8")).toContain("| `listRockets` |");
    expect(await syncReadmeTable(dir, doc as never)).toBe("current");
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("lockfile importer", () => {
  const lock = ["lockfileVersion: '9.0'", "", "importers:", "", "  .:", "    devDependencies: {}", "", "  packages/runtime:", "    devDependencies: {}", "", "packages:", ""].join("\n");
  const workspace = new Map([
    ["@apiforge/runtime", "packages/runtime"],
    ["@apiforge/testkit", "packages/testkit"],
  ]);

  it("adds workspace links in sorted place", () => {
    const deps = workspaceLinks({ dependencies: { "@apiforge/runtime": "workspace:*" }, devDependencies: { "@apiforge/testkit": "workspace:*" } }, workspace, "packages/acme");
    const out = withImporter(lock, "packages/acme", deps);
    expect(out).toContain(
      ["  .:", "    devDependencies: {}", "", "  packages/acme:", "    dependencies:", "      '@apiforge/runtime':", "        specifier: workspace:*", "        version: link:../runtime", "    devDependencies:", "      '@apiforge/testkit':", "        specifier: workspace:*", "        version: link:../testkit", "", "  packages/runtime:"].join("\n"),
    );
    expect(() => withImporter(out, "packages/acme", deps)).toThrow(/already has/);
  });

  it("refuses a registry dependency (it would need the network)", () => {
    expect(() => workspaceLinks({ dependencies: { "left-pad": "1.3.0" } }, workspace, "packages/acme")).toThrow(/not a workspace package/);
  });
});
