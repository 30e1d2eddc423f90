// api.json for an API added with several --from: the sources in join order, URLs kept, and a file
// outside the repository left without a URL (never a machine path) for the user to fill in.
import { describe, expect, it } from "vitest";
import type { SpecLock } from "../lock.ts";
import { renderApiJson } from "./spec-files.ts";

const names = { name: "sage-intacct", packageName: "@apiforge/sage-intacct", pascal: "SageIntacct", env: "SAGE_INTACCT_SPEC_URL" };
const source = (name: string, label: string) => ({ name, source: label, sha256: "0".repeat(64), etag: null, lastModified: null });

describe("renderApiJson", () => {
  it("one source: sourceUrl, no sources", () => {
    expect(JSON.parse(renderApiJson(names, "https://vendor.test/openapi.json"))).toEqual({
      name: "sage-intacct",
      package: "packages/sage-intacct",
      packageName: "@apiforge/sage-intacct",
      sourceUrl: "https://vendor.test/openapi.json",
      sourceEnv: "SAGE_INTACCT_SPEC_URL",
    });
  });

  it("several --from: sources in join order; outside the repository → empty url", () => {
    const lock = {
      sources: [source("project-and-resource-management", "https://developer.sage.test/groups/project-and-resource-management"), source("common-resources", "(outside the repository)/common-resources.json")],
    } as SpecLock;
    expect(JSON.parse(renderApiJson(names, "", lock))).toMatchObject({
      sourceUrl: "",
      sources: [
        { url: "https://developer.sage.test/groups/project-and-resource-management", name: "project-and-resource-management" },
        { url: "", name: "common-resources" },
      ],
    });
  });
});
