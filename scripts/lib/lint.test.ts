// Lint findings by rule, and the redocly.yaml that turns exactly the failing rules down.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatLintReport, lintFile, renderLintConfig } from "./lint.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "lint-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// three operations without security, one server with a trailing slash, one operation without summary
const doc = `openapi: 3.0.3
info: {title: T, version: "1", license: {name: MIT, url: https://opensource.org/licenses/MIT}, description: d}
servers: [{url: "https://api.example.test/"}]
tags: [{name: a, description: a}]
paths:
  /a: {get: {operationId: a, summary: A, tags: [a], responses: {"200": {description: ok}, "400": {description: bad}}}}
  /b: {get: {operationId: b, summary: B, tags: [a], responses: {"200": {description: ok}, "400": {description: bad}}}}
  /c: {get: {operationId: c, tags: [a], responses: {"200": {description: ok}, "400": {description: bad}}}}
`;

describe("lintFile", () => {
  it("groups findings by rule with counts and example pointers", async () => {
    const file = path.join(dir, "doc.yaml");
    writeFileSync(file, doc);
    const report = await lintFile(file, null, dir);
    const byRule = Object.fromEntries(report.rules.map((r) => [r.rule, { severity: r.severity, count: r.count }]));
    expect(byRule["security-defined"]).toEqual({ severity: "error", count: 3 });
    expect(byRule["operation-summary"]).toEqual({ severity: "error", count: 1 });
    expect(byRule["no-server-trailing-slash"]).toMatchObject({ count: 1 });
    expect(report.rules.find((r) => r.rule === "security-defined")!.examples[0]).toBe("#/paths/~1a/get");
    expect(report.errors).toBe(report.rules.filter((r) => r.severity === "error").reduce((n, r) => n + r.count, 0));
    expect(report.configured).toBe(false);
    const text = formatLintReport(report, { severity: "error" });
    expect(text).toMatch(/✘ security-defined\s+3×\s+e\.g\. #\/paths\/~1a\/get/);
    expect(text).not.toContain(file);
  });

  it("the config renderLintConfig writes turns exactly those rules down, and the document then passes", async () => {
    const file = path.join(dir, "doc2.yaml");
    writeFileSync(file, doc);
    const failing = (await lintFile(file, null, dir)).rules.filter((r) => r.severity === "error");
    const yaml = renderLintConfig(failing, "Lint profile for a test");
    expect(yaml).toMatch(/^# Lint profile for a test\.\nextends:\n {2}- recommended\n/);
    expect(yaml).toMatch(/ {2}# reason: TODO .*\(3 findings when turned down\)\n {2}security-defined: off/);
    expect(Object.keys(parse(yaml).rules).sort()).toEqual(failing.map((r) => r.rule).sort());
    const config = path.join(dir, "redocly.yaml");
    writeFileSync(config, yaml);
    expect((await lintFile(file, config, dir)).errors).toBe(0);
  });
});
