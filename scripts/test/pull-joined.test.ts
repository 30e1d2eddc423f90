// spec:pull for an API whose vendor publishes several documents (Sage Intacct: one per application):
// api.json `sources` are fetched through the same safe path, joined in order into one snapshot, and
// the lock records each source with the sha256 of the bytes it served. A join conflict fails the
// pull naming the component, with nothing on disk changed.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/apis.ts";
import { makeScratch, type Scratch } from "./scratch.ts";
import { serveDir, type StaticServer } from "./static-server.ts";

const sage = path.join(repoRoot(), "spec", "sage-intacct");
const GROUPS = ["project-and-resource-management", "common-resources"];
// Sage's manifest of the published group documents (reference/manifest.json): name → sha256
const manifest = JSON.parse(readFileSync(path.join(sage, "reference", "manifest.json"), "utf8")) as { groups: Record<string, { sha256: string }> };
const groupsPath = "/intacct/apis/intacct/1/intacct-openapi/groups";

let srv: StaticServer;
let served: string;
let s: Scratch;
beforeAll(async () => {
  s = await makeScratch();
  // the vendor's bytes, served where Sage serves them (the path of manifest.json's `source`)
  served = path.join(s.root, "served");
  mkdirSync(path.join(served, groupsPath), { recursive: true });
  for (const g of GROUPS) cpSync(path.join(sage, "reference", "groups", `${g}.json`), path.join(served, groupsPath, g));
  srv = await serveDir(served);
  const dir = path.join(s.root, "spec", "sage");
  mkdirSync(dir);
  cpSync(path.join(sage, "overlays"), path.join(dir, "overlays"), { recursive: true });
  cpSync(path.join(sage, "redocly.yaml"), path.join(dir, "redocly.yaml"));
  const sources = GROUPS.map((name) => ({ url: `${srv.url}${groupsPath}/${name}`, name }));
  writeFileSync(path.join(dir, "api.json"), JSON.stringify({ name: "sage", package: "packages/sage", packageName: "@fixture/sage", sourceUrl: "", sourceEnv: "SAGE_SPEC_URL", sources }));
});
afterAll(async () => {
  await srv?.close();
  s?.dispose();
});

const lockOf = () => JSON.parse(readFileSync(path.join(s.root, "spec", "sage", "source.json"), "utf8"));
const specFiles = () => Object.fromEntries(["openapi.yaml", "source.json"].map((f) => [f, readFileSync(path.join(s.root, "spec", "sage", f), "utf8")]));

describe("spec:pull with several sources", () => {
  afterEach(() => {
    // the conflict case swaps one served document; put the vendor's back
    cpSync(path.join(sage, "reference", "groups", "common-resources.json"), path.join(served, groupsPath, "common-resources"));
  });

  it("joins Sage's two documents into one snapshot; the lock's per-source sha256 are Sage's manifest hashes", async () => {
    const r = await s.cli("spec-pull.ts", ["--api", "sage"]);
    expect(r.code, r.output).toBe(0);
    const lock = lockOf();
    expect(lock.sources.map((x: { name: string; source: string; sha256: string }) => [x.name, x.source, x.sha256])).toEqual(
      GROUPS.map((g) => [g, `${srv.url}${groupsPath}/${g}`, manifest.groups[g]!.sha256]),
    );
    expect(lock.join).toEqual({ tool: "scripts/lib/join.ts", order: GROUPS });
    expect(lock.operations).toBe(123);
    expect(lock.overlays).toHaveLength(6);
    const doc = JSON.parse(readFileSync(path.join(s.root, "spec", "sage", "openapi.yaml"), "utf8"));
    expect(doc.paths["/services/core/query"]).toBeDefined();
    expect(doc.paths["/objects/projects/project-resource"]).toBeDefined();
    // the same inputs give the same snapshot: a second pull changes nothing
    const again = await s.cli("spec-pull.ts", ["--api", "sage"]);
    expect(again.output).toContain("same content as the snapshot");
  });

  it("a component both documents declare differently fails the pull, naming it; nothing on disk changes", async () => {
    const before = specFiles();
    const common = JSON.parse(readFileSync(path.join(sage, "reference", "groups", "common-resources.json"), "utf8"));
    common.components.schemas.status.description = "changed in one group only";
    writeFileSync(path.join(served, groupsPath, "common-resources"), JSON.stringify(common));
    const r = await s.cli("spec-pull.ts", ["--api", "sage"]);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("components.schemas.status differs between project-and-resource-management and common-resources");
    expect(specFiles()).toEqual(before);
  });

  it.each([
    ["one --from", ["--from", "x.json"], {}, /joins 2 documents \(project-and-resource-management, common-resources\) but one --from names only one/],
    ["the one-URL env override", [], { SAGE_SPEC_URL: "https://example.test/one.json" }, /but SAGE_SPEC_URL \(one URL\) names only one/],
  ])("%s for a joined API is refused, and nothing changes", async (_what, args, env, message) => {
    const before = specFiles();
    const r = await s.cli("spec-pull.ts", ["--api", "sage", ...args], env);
    expect(r.output).toMatch(message);
    expect(r.code).toBe(2);
    expect(specFiles()).toEqual(before);
  });
});
