// spec:pull on what real vendor bundles look like: Swagger 2.0 (converted), descriptions split
// over several files (bundled, from a local HTTP server and from disk), our overlays, lint
// failures reported by rule, and a document that is another API (refused unless --force).
// Every failure leaves spec/ and packages/ exactly as they were.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { parse, stringify } from "yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolveApi } from "../lib/apis.ts";
import { externalRefs } from "../lib/bundle.ts";
import { effectiveFromText } from "../lib/effective.ts";
import { sha256 } from "../lib/spec-doc.ts";
import { fixtureSpec, makeScratch, sourcesDir, type Scratch } from "./scratch.ts";
import { serveDir, type StaticServer } from "./static-server.ts";

const s2oVersion = (createRequire(import.meta.url)("swagger2openapi/package.json") as { version: string }).version;
const kennelRoot = path.join(sourcesDir, "kennel", "openapi.yaml");

let srv: StaticServer;
let s: Scratch;
beforeAll(async () => {
  srv = await serveDir(sourcesDir);
});
afterAll(() => srv.close());
afterEach(() => s?.dispose());

/** Every file under spec/ and packages/ with its content: what "nothing changed" compares. */
function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      const p = path.join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(root, p)] = readFileSync(p, "utf8");
    }
  };
  walk(path.join(root, "spec"));
  walk(path.join(root, "packages"));
  return out;
}
const lockOf = (name: string) => JSON.parse(readFileSync(path.join(s.root, "spec", name, "source.json"), "utf8"));
const snapshotOf = (name: string) => readFileSync(path.join(s.root, "spec", name, "openapi.yaml"), "utf8");
const overlay = (name: string, file: string, actions: unknown[]) => {
  mkdirSync(path.join(s.root, "spec", name, "overlays"), { recursive: true });
  writeFileSync(path.join(s.root, "spec", name, "overlays", file), stringify({ overlay: "1.0.0", info: { title: file, version: "1" }, actions }));
};

describe("Swagger 2.0", () => {
  it("is converted on pull; the lock records the tool, its version and the original bytes' sha256", async () => {
    s = await makeScratch(["shelter"]);
    const r = await s.cli("spec-pull.ts", ["--api", "shelter", "--from", `${srv.url}/shelter-swagger2.yaml`]);
    expect(r.output).toContain(`converted swagger 2.0 → OpenAPI 3.0.0 with swagger2openapi ${s2oVersion}`);
    expect(r.code).toBe(0);
    const snapshot = snapshotOf("shelter");
    const doc = parse(snapshot);
    expect(doc.openapi).toBe("3.0.0");
    expect(doc.servers).toEqual([{ url: "https://api.shelter.example.test/v2" }]);
    expect(doc.paths["/pets"].post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/NewPet" });
    expect(doc.paths["/pets/{petId}/photo"].post.requestBody.content["multipart/form-data"].schema.properties.file).toEqual({ type: "string", format: "binary" });
    expect(doc.components.securitySchemes.OAuth.flows.clientCredentials.tokenUrl).toBe("https://auth.shelter.example.test/token");
    expect(doc.components.schemas.NewPet.properties.tag.nullable).toBe(true);
    const lock = lockOf("shelter");
    expect(lock).toMatchObject({
      source: `${srv.url}/shelter-swagger2.yaml`,
      sha256: sha256(snapshot),
      originalSha256: sha256(readFileSync(path.join(sourcesDir, "shelter-swagger2.yaml"))),
      conversion: { from: "swagger 2.0", to: "3.0.0", tool: "swagger2openapi", version: s2oVersion },
      openapi: "3.0.0",
      operations: 5,
    });
    const gen = await s.cli("generate.ts", ["--api", "shelter"]);
    expect(gen.code, gen.output).toBe(0);
    expect(readFileSync(path.join(s.root, "packages/shelter/src/generated/schema.ts"), "utf8")).toMatch(/"\/pets\/\{petId\}\/photo": \{/);
  });
  it("a 2.0 document that converts into a broken one fails lint by rule, and nothing changes", async () => {
    s = await makeScratch(["shelter"]);
    mkdirSync(path.join(s.root, "incoming"));
    const broken = readFileSync(path.join(sourcesDir, "shelter-swagger2.yaml"), "utf8").replace('schema: { $ref: "#/definitions/NewPet" }', 'schema: { $ref: "#/definitions/Gone" }');
    writeFileSync(path.join(s.root, "incoming/broken.yaml"), broken);
    const before = tree(s.root);
    const r = await s.cli("spec-pull.ts", ["--api", "shelter", "--from", "incoming/broken.yaml"]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Redocly lint found \d+ error\(s\) in incoming\/broken\.yaml, by rule:\n\s+✘ no-unresolved-refs\s+1×\s+e\.g\. #\/paths\/~1pets\/post\/requestBody/);
    expect(tree(s.root)).toEqual(before);
  });
});

describe("multi-file descriptions", () => {
  it.each([
    ["a local HTTP server", () => `${srv.url}/kennel/openapi.yaml`],
    ["a path on disk", () => kennelRoot],
    ["a file:// URL", () => pathToFileURL(kennelRoot).href],
  ])("are bundled into one snapshot when pulled from %s", async (_n, from) => {
    s = await makeScratch(["kennel"]);
    const r = await s.cli("spec-pull.ts", ["--api", "kennel", "--from", from()]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/bundled 2 referenced file\(s\) with @redocly\/openapi-core [\d.]+: responses\/errors\.yaml, schemas\/dog\.yaml/);
    const doc = parse(snapshotOf("kennel"));
    expect(externalRefs(doc)).toEqual([]);
    expect(doc.paths["/dogs/{dogId}"].get.responses["404"]).toEqual({ $ref: "#/components/responses/NotFound" });
    expect(Object.keys(doc.components.schemas).sort()).toEqual(["Error", "dog"]);
    const lock = lockOf("kennel");
    expect(lock.bundled.files).toEqual(["responses/errors.yaml", "schemas/dog.yaml"]);
    expect(lock.originalSha256).toBe(sha256(readFileSync(kennelRoot)));
    if (from().startsWith("http")) expect(srv.requests).toEqual(expect.arrayContaining(["/kennel/openapi.yaml", "/kennel/schemas/dog.yaml", "/kennel/responses/errors.yaml"]));
    else expect(lock.source).toBe("(outside the repository)/openapi.yaml");
  });

  it("a file inside the repository is recorded by its repo-relative path, never a machine path", async () => {
    s = await makeScratch(["kennel"]);
    cpSync(path.join(sourcesDir, "kennel"), path.join(s.root, "incoming", "kennel"), { recursive: true });
    const r = await s.cli("spec-pull.ts", ["--api", "kennel", "--from", path.join(s.root, "incoming/kennel/openapi.yaml")]);
    expect(r.code, r.output).toBe(0);
    expect(lockOf("kennel").source).toBe("incoming/kennel/openapi.yaml");
    expect(readFileSync(path.join(s.root, "spec/kennel/source.json"), "utf8")).not.toContain(s.root);
  });

  it("a referenced file that cannot be read fails the pull naming it, and nothing changes", async () => {
    s = await makeScratch(["kennel"]);
    mkdirSync(path.join(s.root, "incoming"));
    writeFileSync(path.join(s.root, "incoming/root.yaml"), readFileSync(kennelRoot, "utf8").replace("./schemas/dog.yaml", "./schemas/cat.yaml"));
    const before = tree(s.root);
    const r = await s.cli("spec-pull.ts", ["--api", "kennel", "--from", "incoming/root.yaml"]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/references other files that could not be bundled:[\s\S]*schemas\/cat\.yaml/);
    expect(tree(s.root)).toEqual(before);
  });
});

describe("overlays", () => {
  const add429 = { target: "$.paths.*.get.responses", update: { "429": { description: "Too many requests." } } };

  it("apply on pull in file-name order; the snapshot stays the served bytes; the lock records the effective sha256", async () => {
    s = await makeScratch(["kennel"]);
    overlay("kennel", "10-errors.yaml", [add429]);
    // runs after 10-: its target exists only once the first overlay has been applied
    overlay("kennel", "20-describe.yaml", [{ target: "$.paths['/dogs'].get.responses['429']", update: { "x-apiforge-retry": true } }]);
    const r = await s.cli("spec-pull.ts", ["--api", "kennel", "--from", `${srv.url}/kennel/openapi.yaml`]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("overlays applied: 10-errors.yaml, 20-describe.yaml");
    const api = resolveApi("kennel", s.root);
    const eff = effectiveFromText(api, snapshotOf("kennel"));
    expect(eff.doc.paths!["/dogs"].get.responses["429"]).toEqual({ description: "Too many requests.", "x-apiforge-retry": true });
    expect(parse(snapshotOf("kennel")).paths["/dogs"].get.responses["429"]).toBeUndefined();
    const lock = lockOf("kennel");
    expect(lock.effectiveSha256).toBe(eff.sha256);
    expect(lock.overlays.map((o: { file: string }) => o.file)).toEqual(["10-errors.yaml", "20-describe.yaml"]);
    const gen = await s.cli("generate.ts", ["--api", "kennel"]);
    expect(gen.code, gen.output).toBe(0);
    const schema = readFileSync(path.join(s.root, "packages/kennel/src/generated/schema.ts"), "utf8");
    expect(schema.split("\n")[0]).toContain(`from spec/kennel/openapi.yaml + overlays 10-errors.yaml, 20-describe.yaml (sha256 ${eff.sha256})`);
    expect(schema).toMatch(/429: \{/);
  });

  it("an overlay added later: generate refuses until spec:lock records it, which keeps the pull's provenance", async () => {
    s = await makeScratch(["kennel"]);
    expect((await s.cli("spec-pull.ts", ["--api", "kennel", "--from", `${srv.url}/kennel/openapi.yaml`])).code).toBe(0);
    const pulled = snapshotOf("kennel");
    overlay("kennel", "10-errors.yaml", [add429]);
    const refused = await s.cli("generate.ts", ["--api", "kennel"]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/overlays in spec\/kennel\/overlays\/ \(10-errors\.yaml\) changed since spec\/kennel\/source\.json was written[\s\S]*Fix: run `pnpm spec:lock --api kennel`/);
    const locked = await s.cli("spec-lock.ts", ["--api", "kennel"]);
    expect(locked.code, locked.output).toBe(0);
    expect(lockOf("kennel")).toMatchObject({ source: `${srv.url}/kennel/openapi.yaml`, lockedBy: "spec:pull", sha256: sha256(pulled), overlays: [{ file: "10-errors.yaml" }] });
    expect(snapshotOf("kennel")).toBe(pulled);
    expect((await s.cli("generate.ts", ["--api", "kennel"])).code).toBe(0);
    expect((await s.cli("generate-check.ts", ["--api", "kennel"])).code).toBe(0);
  });

  it("an action that matches nothing fails the pull, naming the overlay file, the action and its target; nothing changes", async () => {
    s = await makeScratch(["kennel"]);
    overlay("kennel", "10-fix.yaml", [add429, { target: "$.paths['/cats'].get", update: { summary: "x" } }]);
    const before = tree(s.root);
    const r = await s.cli("spec-pull.ts", ["--api", "kennel", "--from", `${srv.url}/kennel/openapi.yaml`]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/spec\/kennel\/overlays\/10-fix\.yaml: action 1 \(target \$\.paths\['\/cats'\]\.get\) matches nothing/);
    expect(tree(s.root)).toEqual(before);
  });
});

describe("lint failures on pull", () => {
  it("name the failing rules with counts and example locations, never a temp file; nothing changes", async () => {
    s = await makeScratch(["kennel"]);
    mkdirSync(path.join(s.root, "incoming"));
    const doc = parse(readFileSync(path.join(sourcesDir, "shelter-swagger2.yaml"), "utf8"));
    delete doc.security;
    writeFileSync(path.join(s.root, "incoming/nosec.yaml"), stringify(doc));
    const before = tree(s.root);
    const r = await s.cli("spec-pull.ts", ["--api", "kennel", "--from", "incoming/nosec.yaml"]);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Redocly lint found \d+ error\(s\) in incoming\/nosec\.yaml, by rule:\n\s+✘ security-defined\s+3×\s+e\.g\. #\/paths\/~1pets\/get/);
    expect(r.output).toMatch(/Fix: .*turn the rule down in spec\/kennel\/redocly\.yaml with a `# reason:` comment \(rules: security-defined\)/);
    expect(r.output).not.toMatch(/\.tmp\b/);
    expect(tree(s.root)).toEqual(before);
  });
});

describe("identity check", () => {
  it("refuses another API's document unless --force, and warns when operations drop", async () => {
    s = await makeScratch();
    const before = tree(s.root);
    const refused = await s.cli("spec-pull.ts", ["--api", "mini", "--from", `${srv.url}/kennel/openapi.yaml`]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/does not look like the same API as spec\/mini: its title is "Kennel API", the snapshot's is "Mini API"; its server hosts are api\.kennel\.example\.test, the snapshot's are api\.example\.test[\s\S]*Fix: .*--force/);
    expect(tree(s.root)).toEqual(before);

    const forced = await s.cli("spec-pull.ts", ["--api", "mini", "--force", "--from", `${srv.url}/kennel/openapi.yaml`]);
    expect(forced.code, forced.output).toBe(0);
    expect(forced.output).toMatch(/⚠ accepted with --force: its title is "Kennel API"/);
  });

  it("accepts a smaller document of the same API with a warning", async () => {
    s = await makeScratch();
    const doc = parse(fixtureSpec);
    delete doc.paths["/v1/things/{id}"];
    mkdirSync(path.join(s.root, "incoming"));
    writeFileSync(path.join(s.root, "incoming/smaller.yaml"), stringify(doc));
    const r = await s.cli("spec-pull.ts", ["--api", "mini", "--from", "incoming/smaller.yaml"]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain("⚠ the operation count drops from 2 to 1");
  });
});
