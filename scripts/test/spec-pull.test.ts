// spec:pull end to end against a local server: every failure must leave snapshot, lock and
// generated code byte-identical; success replaces snapshot + lock, never generated code.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sha256 } from "../lib/spec-doc.ts";
import { freePort } from "../lib/test-servers.ts";
import { fixtureSpec, makeScratch, type Scratch } from "./scratch.ts";

const newSpec = fixtureSpec.replace("title: Mini API", "title: Mini API\n  summary: version two");
const requests: { url: string; headers: IncomingMessage["headers"] }[] = [];

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/spec.yaml": (req, res) => {
    if (req.headers["if-none-match"] === '"v2"') return void res.writeHead(304).end();
    res.writeHead(200, { "content-type": "application/yaml", etag: '"v2"', "last-modified": "Mon, 02 Nov 2026 10:00:00 GMT" }).end(newSpec);
  },
  "/missing.yaml": (_req, res) => void res.writeHead(404).end("not found"),
  "/broken.yaml": (_req, res) => void res.writeHead(500).end("boom"),
  "/slow.yaml": (_req, res) => void setTimeout(() => res.writeHead(200).end(newSpec), 5_000).unref(),
  "/page.html": (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><html><body>Sign in</body></html>"),
  "/html-as-yaml.yaml": (_req, res) => void res.writeHead(200, { "content-type": "application/octet-stream" }).end("<!DOCTYPE html><html></html>"),
  "/invalid.yaml": (_req, res) => void res.writeHead(200, { "content-type": "application/yaml" }).end("openapi: 3.1.0\npaths: {\n  - broken: [\n"),
  "/swagger12.yaml": (_req, res) => void res.writeHead(200).end("swagger: '1.2'\ninfo: {title: x, version: '1'}\npaths: {}\n"),
  "/lint-fails.yaml": (_req, res) =>
    void res.writeHead(200).end(fixtureSpec.replace('$ref: "#/components/schemas/Thing"', '$ref: "#/components/schemas/Nope"')),
  // no content-length: the cap must hold while streaming
  "/huge.yaml": (_req, res) => {
    res.writeHead(200, { "content-type": "application/yaml" });
    res.write(newSpec);
    res.end("# " + "x".repeat(300_000) + "\n");
  },
};

let server: Server;
let closedPort: number;
let base: string;
let s: Scratch;

beforeAll(async () => {
  closedPort = await freePort();
  server = createServer((req, res) => {
    requests.push({ url: req.url!, headers: req.headers });
    (routes[req.url!] ?? ((_q, r) => void r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(async () => {
  requests.length = 0;
  s = await makeScratch();
});
afterEach(() => s.dispose());

describe("spec:pull failures leave everything byte-identical", () => {
  const cases: [name: string, source: () => string, extra: string[], expected: RegExp][] = [
    ["404", () => `${base}/missing.yaml`, [], /HTTP 404[\s\S]*Fix: the vendor may have moved the bundle/],
    ["500", () => `${base}/broken.yaml`, [], /HTTP 500[\s\S]*Fix:/],
    ["timeout", () => `${base}/slow.yaml`, ["--timeout-ms", "300"], /timed out after 300 ms[\s\S]*Fix:/],
    ["HTML page (content-type)", () => `${base}/page.html`, [], /HTML page[\s\S]*Fix: point --from at the raw bundle URL/],
    ["HTML page (sniffed)", () => `${base}/html-as-yaml.yaml`, [], /HTML page/],
    ["invalid YAML", () => `${base}/invalid.yaml`, [], /not valid YAML or JSON/],
    ["Swagger 1.2 (too old to convert)", () => `${base}/swagger12.yaml`, [], /Swagger 1\.2 document; the pipeline reads OpenAPI 3\.x and converts Swagger 2\.0, nothing older/],
    ["fails lint", () => `${base}/lint-fails.yaml`, [], /Redocly lint found \d+ error\(s\)[\s\S]*no-unresolved-refs[\s\S]*nothing was replaced/],
    ["oversized body", () => `${base}/huge.yaml`, ["--max-bytes", "100000"], /larger than the 0 MiB cap|larger than the .* cap/],
    ["offline (connection refused)", () => `http://127.0.0.1:${closedPort}/spec.yaml`, [], /Could not reach http:\/\/127\.0\.0\.1:\d+\/spec\.yaml: ECONNREFUSED[\s\S]*works offline/],
    ["missing local file", () => "file:///nonexistent/spec.yaml", [], /Cannot read \/nonexistent\/spec\.yaml: ENOENT/],
  ];
  it.each(cases)("%s", async (_name, source, extra, expected) => {
    const before = s.fingerprint();
    const { code, output } = await s.cli("spec-pull.ts", ["--api", "mini", "--from", source(), ...extra]);
    expect(output).toMatch(expected);
    expect(code).toBe(1);
    expect(s.fingerprint()).toEqual(before);
  });

  it("refuses to pull over a hand-edited snapshot and says how to fix it", async () => {
    writeFileSync(s.api.spec, fixtureSpec + "\n# local edit\n");
    const before = s.fingerprint();
    const { code, output } = await s.cli("spec-pull.ts", ["--api", "mini", "--from", `${base}/spec.yaml`]);
    expect(code).toBe(1);
    expect(output).toMatch(/was changed since it was locked[\s\S]*pnpm spec:lock --api mini/);
    expect(s.fingerprint()).toEqual(before);
    expect(requests).toHaveLength(0);
  });

  it("rejects an unknown API with exit 2 and the list of APIs", async () => {
    const { code, output } = await s.cli("spec-pull.ts", ["--api", "nope"]);
    expect(code).toBe(2);
    expect(output).toMatch(/Unknown API "nope"[\s\S]*use one of: mini/);
  });
});

describe("spec:pull success", () => {
  it("200 replaces snapshot and lock together, leaves generated code for regen; then 304 changes nothing", async () => {
    const before = s.fingerprint();
    const first = await s.cli("spec-pull.ts", ["--api", "mini", "--from", `${base}/spec.yaml`]);
    expect(first.output).toMatch(/updated from/);
    expect(first.code).toBe(0);
    const after = s.fingerprint();
    expect(after["spec/mini/openapi.yaml"]).toBe(newSpec);
    const lock = JSON.parse(after["spec/mini/source.json"]!);
    expect(lock).toMatchObject({ source: `${base}/spec.yaml`, sha256: sha256(newSpec), etag: '"v2"', lastModified: "Mon, 02 Nov 2026 10:00:00 GMT", openapi: "3.1.0", operations: 2, lockedBy: "spec:pull" });
    expect(after["spec dir listing"]).toBe(before["spec dir listing"]);
    // generated code is regen's job, not pull's
    for (const k of Object.keys(before).filter((k) => k.includes("generated"))) expect(after[k]).toBe(before[k]);

    const second = await s.cli("spec-pull.ts", ["--api", "mini", "--from", `${base}/spec.yaml`]);
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/304 Not Modified; nothing changed/);
    expect(requests.at(-1)!.headers["if-none-match"]).toBe('"v2"');
    expect(requests.at(-1)!.headers["if-modified-since"]).toBe("Mon, 02 Nov 2026 10:00:00 GMT");
    expect(s.fingerprint()).toEqual(after);
  });

  it("reads a file:// source and a plain path", async () => {
    const file = path.join(s.root, "incoming.yaml");
    writeFileSync(file, newSpec);
    const viaUrl = await s.cli("spec-pull.ts", ["--api", "mini", "--from", pathToFileURL(file).href]);
    expect(viaUrl.code).toBe(0);
    expect(s.fingerprint()["spec/mini/openapi.yaml"]).toBe(newSpec);
    const again = await s.cli("spec-pull.ts", ["--api", "mini", "--from", file]);
    expect(again.output).toMatch(/same content as the snapshot/);
    expect(again.code).toBe(0);
  });

  it("uses the API's env override when --from is absent", async () => {
    const r = await s.cli("spec-pull.ts", ["--api", "mini"], { MINI_SPEC_URL: `${base}/spec.yaml` });
    expect(r.code).toBe(0);
    expect(requests.map((q) => q.url)).toEqual(["/spec.yaml"]);
  });
});
