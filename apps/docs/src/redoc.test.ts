import { describe, expect, it } from "vitest";
import { localizeRedocPage, prepareForRedoc } from "./redoc.ts";
import { resolveFile } from "./serve.ts";

describe("the Redoc page", () => {
  it("puts each operation's id in its description (Redoc's search indexes descriptions, not ids)", () => {
    const out = prepareForRedoc({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/a": { get: { operationId: "getA", description: "A." } } } });
    expect((out.paths as Record<string, Record<string, { description: string }>>)["/a"]!.get!.description).toBe("A.\n\nOperation ID: `getA`");
  });

  it("replaces the CDN logo and refuses a page whose telemetry is on", () => {
    const page = '<html><head></head><body><script>var __redoc_options = {"disableTelemetry":true}; img(`https://cdn.redoc.ly/redoc/logo-mini-full.svg`)</script></body></html>';
    const out = localizeRedocPage(page);
    expect(out).not.toContain("cdn.redoc.ly");
    expect(out).toContain('<link rel="icon" href="data:,">');
    expect(() => localizeRedocPage(page.replace("true", "false"))).toThrow(/otel\.cloud\.redocly\.com/);
  });
});

describe("the static server", () => {
  it("serves only files under its root", () => {
    const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
    expect(resolveFile(root, "/package.json")).toBe(`${root}/package.json`);
    expect(resolveFile(root, "/../../package.json")).toBeUndefined();
    expect(resolveFile(root, "/%2e%2e/%2e%2e/package.json")).toBeUndefined();
    expect(resolveFile(root, "/missing.html")).toBeUndefined();
  });
});
