// What api:add refuses before writing anything: bad names, taken names, bad npm names.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AddRefusedError } from "./errors.ts";
import { pascalCase, resolveNames } from "./names.ts";

const root = mkdtempSync(path.join(tmpdir(), "names-"));
mkdirSync(path.join(root, "spec", "taken"), { recursive: true });
mkdirSync(path.join(root, "packages", "other"), { recursive: true });
writeFileSync(path.join(root, "packages", "other", "package.json"), JSON.stringify({ name: "@apiforge/used" }));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("resolveNames", () => {
  it("derives the package, env var and client names", () => {
    expect(resolveNames(root, "acme-billing")).toEqual({ name: "acme-billing", packageName: "@apiforge/acme-billing", env: "ACME_BILLING_SPEC_URL", pascal: "AcmeBilling" });
    expect(resolveNames(root, "acme", { packageName: "acme-sdk", env: "ACME_URL" })).toMatchObject({ packageName: "acme-sdk", env: "ACME_URL" });
  });

  it.each([
    ["an upper-case API name", "Acme", {}, /cannot name an API/],
    ["a double dash", "acme--x", {}, /cannot name an API/],
    ["an npm name with a space", "acme", { packageName: "@apiforge/bad name" }, /not a valid npm package name.*URL-friendly/],
    ["an upper-case npm name", "acme", { packageName: "@apiforge/Acme" }, /not a valid npm package name.*capital/],
    ["a lower-case env var", "acme", { env: "acme_url" }, /environment variable/],
    ["an existing spec folder", "taken", {}, /spec\/taken\/ already exists/],
    ["a package name in use", "fresh", { packageName: "@apiforge/used" }, /already used by packages\/other/],
  ])("refuses %s", (_what, name, opts, message) => {
    expect(() => resolveNames(root, name, opts)).toThrow(AddRefusedError);
    expect(() => resolveNames(root, name, opts)).toThrow(message);
  });

  it("Pascal-cases dashed names", () => {
    expect(pascalCase("sage-intacct-v2")).toBe("SageIntacctV2");
  });
});
