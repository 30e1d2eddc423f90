import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { sourceLabel, sourceName } from "./candidate.ts";
import { buildFilters } from "./each-api.ts";

const root = path.resolve("/work/repo");

describe("sourceLabel: what the lock records as the source", () => {
  it.each([
    ["a URL, as is", "https://vendor.example.test/openapi.yaml", "https://vendor.example.test/openapi.yaml"],
    ["a path inside the repo, repo-relative", path.join(root, "incoming/spec.yaml"), "incoming/spec.yaml"],
    ["a file:// URL inside the repo, repo-relative", pathToFileURL(path.join(root, "a/b.json")).href, "a/b.json"],
    ["a relative path, resolved from the working directory", "spec.yaml", "sub/spec.yaml"],
    ["a file outside the repo, by name only", "/home/someone/Downloads/vendor.yaml", "(outside the repository)/vendor.yaml"],
  ])("%s", (_n, source, want) => {
    expect(sourceLabel(source, root, path.join(root, "sub"))).toBe(want);
  });
});

describe("buildFilters: regen builds only the selected package", () => {
  it.each([
    [null, []],
    [["@apiforge/parallax"], ["--filter=@apiforge/parallax"]],
  ] as const)("%j → %j", (pkgs, want) => {
    expect(buildFilters(pkgs as string[] | null)).toEqual(want);
  });
});

describe("sourceName: a joined source's name when --from gives none", () => {
  it.each([
    ["/tmp/x/common-resources.json", "common-resources"],
    ["https://developer.sage.com/intacct/apis/intacct/1/intacct-openapi/groups/common-resources", "common-resources"],
    ["https://vendor.example.test/specs/billing.yaml?v=2", "billing"],
  ])("%s → %s", (from, want) => {
    expect(sourceName(from)).toBe(want);
  });
});
