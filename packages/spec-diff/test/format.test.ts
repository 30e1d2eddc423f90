import { describe, expect, it } from "vitest";
import { shop } from "./fixtures/index.js";
import { diffSpecs, formatReport, type DiffReport } from "../src/index.js";
import { shopFacts } from "./support/facts.js";

function report(): DiffReport {
  const h = shop();
  h.components.parameters.PageSize.schema.maximum = 200;
  h.components.schemas.ItemBase.properties.kind.enum.push("service|rental");
  h.paths["/v1/items"].get.summary = "List all items";
  return diffSpecs(shop(), h, { extractFacts: shopFacts });
}

describe("formatReport", () => {
  it("json is exactly { changes, counts, bump }; a shared change is listed once with the operations it reaches", () => {
    const parsed = JSON.parse(formatReport(report(), "json"));
    expect(Object.keys(parsed)).toEqual(["changes", "counts", "bump"]);
    expect(parsed.counts).toEqual({ ERR: 2, WARN: 1, INFO: 2 });
    expect(parsed.bump).toBe("major");
    expect(parsed.changes[0]).toEqual({
      id: "request-parameter-max-decreased",
      level: "ERR",
      operation: "GET /v1/items",
      operations: ["GET /v1/items"],
      base: "#/components/parameters/PageSize/schema/maximum",
      head: "#/components/parameters/PageSize/schema/maximum",
      message: "query parameter `page_size`: maximum decreased from 500 to 200",
    });
    const added = parsed.changes.find((c: { id: string }) => c.id === "response-property-enum-value-added");
    expect(added.operations).toEqual(["GET /v1/items", "GET /v1/items/{id}", "POST /v1/items"]);
  });

  it("markdown has a verdict line, the counts and one escaped table row per change", () => {
    const md = formatReport(report(), "markdown", { base: "HEAD:spec.yaml", head: "new.yaml" });
    const lines = md.split("\n");
    expect(lines[0]).toBe("### ❌ API diff: 2 breaking changes: major bump");
    expect(md).toContain("**2** ERR · **1** WARN · **2** INFO · bump **major**");
    expect(lines.filter((l) => /^\| (❌|⚠️|ℹ️) /.test(l))).toHaveLength(5);
    expect(md).toContain("| GET /v1/items, GET /v1/items/{id} and POST /v1/items |");
    expect(md).toContain("enum value service\\|rental added");
  });

  it("markdown caps the table and says how to see the rest", () => {
    const md = formatReport(report(), "markdown", { maxRows: 2 });
    expect(md.split("\n").filter((l) => l.startsWith("| ❌"))).toHaveLength(2);
    expect(md).toContain("…and 3 more");
  });

  it("markdown for an unchanged spec says so", () => {
    expect(formatReport(diffSpecs(shop(), shop()), "markdown").split("\n")[0]).toBe("### ➖ API diff: no API changes");
  });

  it("text lists each change with its pointers and ends with the verdict", () => {
    const text = formatReport(report(), "text");
    expect(text).toContain("ERR  sdk-page-size-exceeds-maximum  GET /v1/items");
    expect(text).toContain("base #/components/parameters/PageSize/schema/maximum  head #/components/parameters/PageSize/schema/maximum");
    expect(text.split("\n").at(-1)).toBe("5 changes (2 ERR, 1 WARN, 2 INFO): 2 breaking changes: major bump");
  });
});
