// The runtime-limit rules run only with an injected facts extractor, and compare the SDK's
// constants (read from the base, or given) with what the extractor reads from the head.
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../src/index.js";
import { shop } from "./fixtures/index.js";
import { shopFacts } from "./support/facts.js";

const ids = (r: ReturnType<typeof diffSpecs>) => r.changes.map((c) => `${c.level} ${c.id}`);

describe("runtime limits", () => {
  it("are skipped without an extractor", () => {
    const h = shop();
    h["x-rate-limit"].limit = 50;
    expect(ids(diffSpecs(shop(), h))).toEqual([]);
  });

  it("a tighter head rate limit than the SDK paces to is ERR", () => {
    const h = shop();
    h["x-rate-limit"].limit = 50;
    expect(ids(diffSpecs(shop(), h, { extractFacts: shopFacts }))).toEqual(["ERR sdk-rate-limit-exceeds-spec"]);
  });

  it("given constants are compared with the head, not the base", () => {
    const facts = { ...shopFacts(shop()), rateLimit: { limit: 200, windowMs: 60_000 } };
    expect(ids(diffSpecs(shop(), shop(), { extractFacts: shopFacts, facts }))).toEqual(["ERR sdk-rate-limit-exceeds-spec"]);
  });

  it("a page size the head no longer allows is ERR at the parameter's maximum", () => {
    const h = shop();
    h.components.parameters.PageSize.schema.maximum = 200;
    const r = diffSpecs(shop(), h, { extractFacts: shopFacts });
    expect(r.changes.find((c) => c.id === "sdk-page-size-exceeds-maximum")).toMatchObject({ level: "ERR", operation: "GET /v1/items", head: "#/components/parameters/PageSize/schema/maximum" });
  });
});
