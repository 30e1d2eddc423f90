import { describe, expect, it } from "vitest";
import { shop } from "./fixtures/index.js";
import { diffSpecs } from "../src/index.js";

type Req = Record<string, string[]>[] | undefined;

/** Diff of the shop fixture with `base`/`head` as the security of POST /v1/items (undefined = inherit the root's ApiKey). */
function opSecurity(base: Req, head: Req): string[] {
  const b = shop();
  const h = shop();
  if (base) b.paths["/v1/items"].post.security = base;
  if (head) h.paths["/v1/items"].post.security = head;
  return diffSpecs(b, h).changes.map((c) => `${c.level} ${c.id}`);
}

describe("security requirements (OR of AND-sets)", () => {
  it.each<[string, Req, Req, string[]]>([
    ["unchanged override", [{ OAuth: ["write"] }], [{ OAuth: ["write"] }], []],
    ["override equal to the inherited root", undefined, [{ ApiKey: [] }], []],
    ["a scheme callers must also meet", undefined, [{ ApiKey: [], OAuth: ["write"] }], ["ERR api-security-added"]],
    ["a new alternative scheme", undefined, [{ ApiKey: [] }, { OAuth: ["write"] }], ["INFO api-security-alternative-added"]],
    ["the only accepted scheme replaced", undefined, [{ OAuth: ["write"] }], ["ERR api-security-alternative-removed", "INFO api-security-alternative-added"]],
    ["an alternative dropped", [{ ApiKey: [] }, { OAuth: ["write"] }], [{ ApiKey: [] }], ["ERR api-security-alternative-removed"]],
    ["a scheme dropped from an AND-set", [{ ApiKey: [], OAuth: ["write"] }], [{ ApiKey: [] }], ["INFO api-security-removed"]],
    ["a scope added", [{ OAuth: [] }], [{ OAuth: ["write"] }], ["ERR api-security-scope-added"]],
    ["authentication made optional", undefined, [{ ApiKey: [] }, {}], ["INFO api-security-removed"]],
  ])("%s", (_, base, head, want) => {
    expect(opSecurity(base, head)).toEqual(want);
  });

  it("a root requirement change is reported once, not per operation", () => {
    const h = shop();
    h.security = [{ ApiKey: [], OAuth: ["write"] }];
    expect(diffSpecs(shop(), h).changes.map((c) => [c.id, c.operation, c.head])).toEqual([["api-global-security-added", null, "#/security"]]);
  });
});

describe("servers", () => {
  it("a removed server is WARN, an added one INFO", () => {
    const h = shop();
    h.servers = [{ url: "https://eu.shop.test" }];
    expect(diffSpecs(shop(), h).changes.map((c) => `${c.level} ${c.id}`)).toEqual(["WARN api-server-removed", "INFO api-server-added"]);
  });
});
