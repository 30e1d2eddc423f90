// Overlay 1.0 as applied here: update merges, arrays append, remove deletes, files apply in
// name order, and an action that matches nothing is an error naming the file and the action.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { OverlayError } from "./errors.ts";
import { applyOverlay, applyOverlays, parseOverlay, readOverlays, type OverlayDocument } from "./overlay.ts";

const base = () => ({
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  tags: [{ name: "pets" }],
  paths: {
    "/pets": {
      get: { operationId: "listPets", responses: { "200": { description: "ok" } } },
      post: { operationId: "createPet", deprecated: false, responses: { "201": { description: "created" } } },
    },
    "/pets/{id}": { get: { operationId: "getPet", responses: { "200": { description: "ok" } } } },
  },
});
const overlay = (actions: OverlayDocument["actions"]): OverlayDocument => ({ overlay: "1.0.0", info: { title: "fix", version: "1" }, actions });

describe("applyOverlay", () => {
  it.each([
    [
      "update merges into every match, recursively",
      [{ target: "$.paths.*.get", update: { "x-apiforge-pagination": { style: "page" }, responses: { "429": { description: "slow down" } } } }],
      (d: any) => {
        expect(d.paths["/pets"].get["x-apiforge-pagination"]).toEqual({ style: "page" });
        expect(Object.keys(d.paths["/pets/{id}"].get.responses)).toEqual(["200", "429"]);
      },
    ],
    ["update on an array appends", [{ target: "$.tags", update: { name: "admin" } }], (d: any) => expect(d.tags).toEqual([{ name: "pets" }, { name: "admin" }])],
    ["update replaces scalars and arrays inside the merged object", [{ target: "$.paths['/pets'].post", update: { deprecated: true } }], (d: any) => expect(d.paths["/pets"].post.deprecated).toBe(true)],
    ["remove deletes each match", [{ target: "$.paths['/pets'].post", remove: true }], (d: any) => expect(Object.keys(d.paths["/pets"])).toEqual(["get"])],
    [
      "filter expressions (RFC 9535) select by value",
      [{ target: "$.paths.*[?@.operationId == 'getPet']", update: { summary: "Get one pet" } }],
      (d: any) => expect(d.paths["/pets/{id}"].get.summary).toBe("Get one pet"),
    ],
  ] as const)("%s", (_name, actions, check) => {
    const doc = base();
    applyOverlay(doc, overlay(actions as never), "fix.yaml");
    check(doc);
  });

  it("removes several array items without shifting the ones still to remove", () => {
    const doc = { list: ["a", "b", "c", "d"] };
    applyOverlay(doc, overlay([{ target: "$.list[0,2]", remove: true }]), "x.yaml");
    expect(doc.list).toEqual(["b", "d"]);
  });

  it.each([
    ["matches nothing", { target: "$.paths['/dogs']", update: { summary: "x" } }, /fix\.yaml: action 1 \(target \$\.paths\['\/dogs'\]\) matches nothing/],
    ["remove that matches nothing", { target: "$.components.schemas.Gone", remove: true }, /action 1 \(target \$\.components\.schemas\.Gone\) matches nothing/],
    ["invalid JSONPath", { target: "$.paths[", update: {} }, /action 1 \(target \$\.paths\[\) is not valid RFC 9535 JSONPath/],
    ["a scalar target", { target: "$.info.title", update: "New" }, /selects a scalar value/],
  ])("an action that %s is an OverlayError naming the file, the action index and the target", (_n, bad, message) => {
    const doc = base();
    const before = structuredClone(doc);
    const run = () => applyOverlays(doc, [{ name: "fix.yaml", text: "", overlay: overlay([{ target: "$.info", update: { "x-ok": 1 } }, bad as never]) }]);
    expect(run).toThrow(OverlayError);
    expect(run).toThrow(message);
    // applyOverlays works on a copy: the input is never half-changed
    expect(doc).toEqual(before);
  });
});

describe("parseOverlay", () => {
  it.each([
    ["wrong version", "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.info, update: {}}]", /`overlay` must be "1\.0\.x"/],
    ["no info", "overlay: 1.0.0\nactions: [{target: $.info, update: {}}]", /`info` needs a title and a version/],
    ["no actions", "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: []", /`actions` must be a non-empty list/],
    ["target not JSONPath", "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: info, update: {}}]", /action 0 needs a `target` JSONPath/],
    ["neither update nor remove", "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $.info}]", /has neither `update` nor `remove: true`/],
  ])("refuses %s", (_n, text, message) => {
    expect(() => parseOverlay(text, "o.yaml")).toThrow(message);
  });
});

describe("readOverlays", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("applies files in name order, so a later file sees an earlier one's result", () => {
    dir = mkdtempSync(path.join(tmpdir(), "overlays-"));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "20-then.yaml"), "overlay: 1.0.0\ninfo: {title: b, version: '1'}\nactions:\n  - target: $.info['x-step']\n    update: {second: true}\n");
    writeFileSync(path.join(dir, "10-first.yaml"), "overlay: 1.0.0\ninfo: {title: a, version: '1'}\nactions:\n  - target: $.info\n    update: {x-step: {first: true}}\n");
    writeFileSync(path.join(dir, "notes.md"), "not an overlay");
    const files = readOverlays(dir, "spec/pets/overlays");
    expect(files.map((f) => f.name)).toEqual(["spec/pets/overlays/10-first.yaml", "spec/pets/overlays/20-then.yaml"]);
    expect(applyOverlays(base(), files).info).toEqual({ title: "Pets", version: "1", "x-step": { first: true, second: true } });
    // the other order fails: the second file's target does not exist yet
    expect(() => applyOverlays(base(), [...files].reverse())).toThrow(/20-then\.yaml: action 0 .* matches nothing/);
  });

  it("is empty when the API has no overlays folder", () => {
    dir = path.join(tmpdir(), "no-such-overlays-dir");
    expect(readOverlays(dir)).toEqual([]);
  });
});
