// The effective document: the snapshot itself without overlays; with overlays, a stable
// serialisation in the snapshot's own format (JSON stays JSON).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ApiPaths } from "./apis.ts";
import { effectiveFromText } from "./effective.ts";
import { sha256 } from "./spec-doc.ts";

let root: string;
let api: ApiPaths;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "effective-"));
  const dir = path.join(root, "spec", "x");
  mkdirSync(dir, { recursive: true });
  api = { config: { name: "x", package: "packages/x", packageName: "@t/x", sourceUrl: "", sourceEnv: "X_SPEC_URL" }, root, dir, spec: path.join(dir, "openapi.yaml"), lock: path.join(dir, "source.json"), redocly: path.join(dir, "redocly.yaml"), packageDir: path.join(root, "packages/x"), generatedDir: path.join(root, "packages/x/src/generated") };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const snapshot = { openapi: "3.1.0", info: { title: "X", version: "1" }, paths: { "/a": { get: { responses: { "200": { description: "ok" } } } } } };
const addOverlay = () => {
  mkdirSync(path.join(api.dir, "overlays"));
  writeFileSync(path.join(api.dir, "overlays", "10-x.yaml"), "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.paths['/a'].get\n    update: {summary: A}\n");
};

describe("effectiveFromText", () => {
  it("without overlays is the snapshot, byte for byte", () => {
    const text = "openapi: 3.1.0\ninfo: {title: X, version: '1'}\npaths: {}\n# vendor comment\n";
    const eff = effectiveFromText(api, text);
    expect(eff.text).toBe(text);
    expect(eff.sha256).toBe(sha256(text));
    expect(eff.overlays).toEqual([]);
  });

  it.each([
    ["a JSON snapshot stays JSON", JSON.stringify(snapshot), (t: string) => JSON.parse(t)],
    ["a YAML snapshot stays YAML", "openapi: 3.1.0\ninfo: {title: X, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n", (t: string) => parse(t)],
  ])("with overlays: %s, and the same inputs give the same hash", (_n, text, read) => {
    addOverlay();
    const eff = effectiveFromText(api, text);
    expect(read(eff.text).paths["/a"].get.summary).toBe("A");
    expect(eff.text.trimStart().startsWith("{")).toBe(text.startsWith("{"));
    expect(eff.snapshotSha256).toBe(sha256(text));
    expect(eff.overlays).toEqual([{ file: "10-x.yaml", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(effectiveFromText(api, text).sha256).toBe(eff.sha256);
  });
});
