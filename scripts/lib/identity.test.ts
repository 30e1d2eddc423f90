import { describe, expect, it } from "vitest";
import { SpecIdentityError } from "./errors.ts";
import { checkIdentity, compareIdentity } from "./identity.ts";
import type { OpenApiDoc } from "./spec-doc.ts";

const api = (title: string, servers: string[], ops: number): OpenApiDoc => ({
  openapi: "3.1.0",
  info: { title, version: "1" },
  servers: servers.map((url) => ({ url })),
  paths: Object.fromEntries(Array.from({ length: ops }, (_, i) => [`/r${i}`, { get: { responses: {} } }])),
});
const current = api("Parallax API", ["https://api.getparallax.com/v1"], 10);

describe("compareIdentity", () => {
  it.each([
    ["the same API, one more operation", api("Parallax API", ["https://api.getparallax.com/v1"], 11), [], []],
    ["a new server path on the same host", api("Parallax API", ["https://api.getparallax.com/v2"], 10), [], []],
    ["relative servers name no host", api("Parallax API", ["/v1"], 10), [], []],
    ["a few operations fewer: accepted with a warning", api("Parallax API", ["https://api.getparallax.com/v1"], 6), [], ["the operation count drops from 10 to 6"]],
    ["another title", api("GitHub v3 REST API", ["https://api.getparallax.com/v1"], 10), ['its title is "GitHub v3 REST API", the snapshot\'s is "Parallax API"'], []],
    ["other hosts only", api("Parallax API", ["https://api.github.com"], 10), ["its server hosts are api.github.com, the snapshot's are api.getparallax.com"], []],
    ["most operations gone", api("Parallax API", ["https://api.getparallax.com/v1"], 4), ["it has 4 operations, the snapshot has 10 (60 % lost)"], []],
  ] as const)("%s", (_name, next, problems, warnings) => {
    expect(compareIdentity(current, next)).toEqual({ problems, warnings });
  });
});

describe("checkIdentity", () => {
  it("refuses a changed identity with a SpecIdentityError that names --force", () => {
    const other = api("Stripe API", ["https://api.stripe.com"], 400);
    expect(() => checkIdentity(current, other, "stripe.json", "parallax")).toThrow(SpecIdentityError);
    expect(() => checkIdentity(current, other, "stripe.json", "parallax")).toThrow(/stripe\.json does not look like the same API as spec\/parallax: its title is "Stripe API"/);
  });
  it("--force accepts it and reports what it accepted", () => {
    const other = api("Stripe API", ["https://api.stripe.com"], 400);
    expect(checkIdentity(current, other, "stripe.json", "parallax", true)).toEqual([
      'accepted with --force: its title is "Stripe API", the snapshot\'s is "Parallax API"',
      "accepted with --force: its server hosts are api.stripe.com, the snapshot's are api.getparallax.com",
    ]);
  });
});
