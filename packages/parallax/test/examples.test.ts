// The README's examples cannot rot: each examples/*.ts is type-checked against the source with the
// TypeScript compiler API, and the README must contain each one verbatim.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const examplesDir = path.join(root, "examples");
const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".ts")).sort();
const readme = readFileSync(path.join(root, "README.md"), "utf8");

function diagnostics(files: string[], virtual: Record<string, string> = {}): string[] {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  // import "@apiforge/parallax" as users do, resolved to the source so no build is needed
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, baseUrl: root, paths: { "@apiforge/parallax": ["./src/index.ts"] } };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile } = host;
  host.fileExists = (f) => f in virtual || fileExists(f);
  host.readFile = (f) => virtual[f] ?? readFile(f);
  const program = ts.createProgram([...files, ...Object.keys(virtual)], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(root, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

describe("README examples", () => {
  it("exist", () => {
    expect(examples).toEqual(expect.arrayContaining(["quick-start.ts", "pagination.ts", "bulk.ts", "webhooks.ts", "errors.ts"]));
  });

  it("type-check against the current source", () => {
    expect(diagnostics(examples.map((f) => path.join(examplesDir, f)))).toEqual([]);
  }, 60_000);

  it("the checker catches a broken example", () => {
    // the quick start with a path the spec does not have, kept in memory beside the real ones
    const quickStart = readFileSync(path.join(examplesDir, "quick-start.ts"), "utf8");
    const broken = quickStart.replace('"/v1/roles/{id}"', '"/v1/no-such-path/{id}"');
    expect(broken).not.toBe(quickStart);
    const found = diagnostics([], { [path.join(examplesDir, "broken.ts")]: broken });
    expect(found.join("\n")).toMatch(/examples\/broken\.ts: .*no-such-path/);
  }, 60_000);

  it.each(examples)("README.md contains examples/%s verbatim", (file) => {
    const code = readFileSync(path.join(examplesDir, file), "utf8").trimEnd();
    expect(readme).toContain("```ts\n" + code + "\n```");
  });
});
