// The README's examples cannot rot: each examples/*.ts is type-checked against the package's source
// (imports of the package name resolve to src/index.ts, so no build is needed) and README.md must
// contain each one verbatim in a ```ts block. A deliberately broken copy proves the check bites.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, inject, it } from "vitest";
import { findUp } from "./spec.js";

/** A change that must make an example fail to type-check, and the diagnostic it must cause. */
export interface ExampleMutation {
  /** The example to change. */
  file: string;
  from: string;
  to: string;
  expected: RegExp;
}

export interface ExamplesSuiteOptions {
  /** Example files that must exist. @default ["quick-start.ts"] */
  required?: string[];
  /** The broken example. @default quick-start.ts importing an export the package lacks */
  mutation?: ExampleMutation;
  /**
   * Runs examples/quick-start.ts against the project's Prism mock with only these variables (plus
   * PATH) in its environment, e.g. `(url) => ({ ACME_BASE_URL: url, ACME_API_KEY: "any" })`.
   */
  quickStartEnv?: (prismUrl: string) => Record<string, string>;
}

/** Runs one example with tsx, the package name resolved to its source; resolves to its exit and output. */
export function runExample(packageDir: string, file: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  const { name } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string };
  const dir = mkdtempSync(path.join(tmpdir(), "examples-"));
  const tsconfig = path.join(dir, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", baseUrl: packageDir, paths: { [name]: ["./src/index.ts"] } } }));
  const cli = createRequire(import.meta.url).resolve("tsx/cli");
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, "--tsconfig", tsconfig, file], { cwd: packageDir, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/** Type-check diagnostics of `files` (plus in-memory `virtual` files) in the package at `packageDir`. */
export function exampleDiagnostics(packageDir: string, files: string[], virtual: Record<string, string> = {}): string[] {
  const { name } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string };
  const config = ts.readConfigFile(path.join(packageDir, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, packageDir);
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true, baseUrl: packageDir, paths: { [name]: ["./src/index.ts"] } };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile } = host;
  host.fileExists = (f) => f in virtual || fileExists(f);
  host.readFile = (f) => virtual[f] ?? readFile(f);
  const program = ts.createProgram([...files, ...Object.keys(virtual)], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(packageDir, d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/** Declares the README-examples suite for the package that `from` (its test file's `import.meta.url`) lives in. */
export function examplesSuite(from: string, options: ExamplesSuiteOptions = {}): void {
  const packageDir = findUp(path.dirname(fileURLToPath(from)), "package.json");
  const examplesDir = path.join(packageDir, "examples");
  const examples = existsSync(examplesDir) ? readdirSync(examplesDir).filter((f) => f.endsWith(".ts")).sort() : [];
  const readmeFile = path.join(packageDir, "README.md");
  const readme = existsSync(readmeFile) ? readFileSync(readmeFile, "utf8") : "";
  const mutation: ExampleMutation = options.mutation ?? {
    file: "quick-start.ts",
    from: "\n",
    to: '\nimport { noSuchExportOfThePackage } from "__PACKAGE__";\n',
    expected: /noSuchExportOfThePackage/,
  };

  describe("README examples", () => {
    it("exist", () => {
      expect(examples).toEqual(expect.arrayContaining(options.required ?? ["quick-start.ts"]));
    });

    it("type-check against the current source", () => {
      expect(exampleDiagnostics(packageDir, examples.map((f) => path.join(examplesDir, f)))).toEqual([]);
    }, 60_000);

    it("the checker catches a broken example", () => {
      const { name } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string };
      const original = readFileSync(path.join(examplesDir, mutation.file), "utf8");
      const broken = original.replace(mutation.from, mutation.to.replace("__PACKAGE__", name));
      expect(broken).not.toBe(original);
      // kept in memory beside the real ones, never written to disk
      const found = exampleDiagnostics(packageDir, [], { [path.join(examplesDir, "broken.ts")]: broken });
      expect(found.join("\n")).toMatch(new RegExp(`examples/broken\\.ts: .*${mutation.expected.source}`));
    }, 60_000);

    const { quickStartEnv } = options;
    if (quickStartEnv) {
      it("quick-start.ts runs against the Prism mock with only the documented variables", async () => {
        const { code, output } = await runExample(packageDir, path.join(examplesDir, "quick-start.ts"), quickStartEnv(inject("prismUrl")));
        expect(code, output).toBe(0);
      }, 90_000);
    }

    it.each(examples)("README.md contains examples/%s verbatim", (file) => {
      const code = readFileSync(path.join(examplesDir, file), "utf8").trimEnd();
      expect(readme).toContain("```ts\n" + code + "\n```");
    });
  });
}
