import { describe, expect, it } from "vitest";
import { coverageCounts, labelCoverage, listOperations } from "./coverage.ts";

const doc = {
  openapi: "3.1.0",
  info: { title: "Acme", version: "1", description: "The Acme API." },
  paths: {
    "/things": {
      post: { operationId: "createThing", "x-acme-coverage": "path-only" },
      get: { operationId: "listThings", summary: "List things", "x-acme-coverage": "full", description: "All things." },
    },
    "/things/{id}": { delete: { operationId: "deleteThing", "x-acme-coverage": "brand-new-level" }, parameters: [] },
    "/plain": { get: { operationId: "plain" } },
  },
  webhooks: { "thing.created": { post: { operationId: "thingCreated", "x-acme-coverage": "partial" } } },
};

describe("coverage labels", () => {
  it("lists path operations and webhooks with their label", () => {
    expect(listOperations(doc).map((o) => [o.operationId, o.coverage, o.webhook])).toEqual([
      ["listThings", "full", false],
      ["createThing", "path-only", false],
      ["deleteThing", "brand-new-level", false],
      ["plain", undefined, false],
      ["thingCreated", "partial", true],
    ]);
    // most documented first, whatever the document's order
    const reversed = { paths: { "/a": { get: { "x-v-coverage": "mystery" } }, "/b": { get: { "x-v-coverage": "path-only" } }, "/c": { get: { "x-v-coverage": "full" } }, "/d": { get: { "x-v-coverage": "full" } } } };
    expect(Object.entries(coverageCounts(reversed))).toEqual([["full", 2], ["path-only", 1], ["mystery", 1]]);
  });

  it("marks a path-only operation with a badge and a first description line, on a copy", () => {
    const before = JSON.stringify(doc);
    const out = labelCoverage(doc);
    const create = out.paths["/things"].post as Record<string, unknown>;
    expect(create["x-badges"]).toEqual([{ name: "Path only", color: "#b42318" }]);
    expect(create.description).toMatch(/^\*\*Coverage: Path only\*\* \(`path-only`\)\. The vendor documents this operation only by its path/);
    expect(out.paths["/things"].get.description).toMatch(/^\*\*Coverage: Documented\*\*.*\n\nAll things\.$/s);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it("shows an unknown label as itself, leaves unlabelled operations alone and sums up in the intro", () => {
    const out = labelCoverage(doc);
    expect((out.paths["/things/{id}"].delete as Record<string, unknown>)["x-badges"]).toEqual([{ name: "brand-new-level", color: "#57606a" }]);
    expect(out.paths["/plain"].get).toEqual({ operationId: "plain" });
    expect((out.webhooks["thing.created"].post as Record<string, unknown>)["x-badges"]).toEqual([{ name: "Partly documented", color: "#9a6700" }]);
    expect(out.info.description).toBe(
      "**Coverage of the 3 operations:** 1 documented, 1 path only, 1 brand-new-level. Each operation carries its badge next to its title.\n\nThe Acme API.",
    );
  });
});
