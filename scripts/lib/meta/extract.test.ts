// The committed Parallax spec through extractMeta: the same vendor facts the hand-written client
// relied on before meta became per-operation data (15 list operations, pages of 500, bulk 100, 100/60 s).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseSpec } from "../spec-doc.ts";
import { extractMeta } from "./extract.ts";
import { renderMeta } from "./render.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const doc = parseSpec(readFileSync(path.join(root, "spec/parallax/openapi.yaml"), "utf8"), "spec/parallax/openapi.yaml");
const meta = extractMeta(doc, { name: "parallax", specSha256: "abc" });
const ops = Object.entries(meta.operations);

describe("extractMeta on the Parallax spec", () => {
  it("states the API, its servers and the env prefix", () => {
    expect(meta).toMatchObject({ api: "parallax", title: "Parallax Api", version: "v1", specSha256: "abc", envPrefix: "PARALLAX" });
    expect(meta.servers[0]).toEqual({ url: "https://api.getparallax.com", description: "Production" });
  });

  it("paginates the 15 list operations in pages of up to 500, items under `results`", () => {
    const paged = ops.filter(([, o]) => o.pagination);
    expect(paged).toHaveLength(15);
    for (const [id, o] of paged) {
      expect(id).toMatch(/^List/);
      expect(o.method).toBe("get");
      expect(o.pagination).toEqual({ style: "page-number", itemsPath: "results", pageParam: "page", pageSizeParam: "page_size", totalPath: "total", totalPagesPath: "total_pages", maxPageSize: 500, defaultPageSize: 500 });
    }
  });

  it("chunks planned time by 100, paces 100 requests per 60 s, authenticates with X-API-KEY", () => {
    expect(ops.filter(([, o]) => o.bulk).map(([id, o]) => [id, o.bulk])).toEqual([["CreateProjectOfferingRolePlans", { maxItems: 100 }]]);
    expect(meta.rateLimit).toEqual({ window: { limit: 100, windowMs: 60_000 } });
    expect(meta.auth).toEqual([{ type: "apiKey", in: "header", name: "X-API-KEY", env: "PARALLAX_API_KEY" }]);
  });

  it("reads problem-details errors with trace_id as the request id, and the webhook signing extension", () => {
    expect(meta.errors.envelopes).toEqual([{ root: "", message: "title", details: "errors", requestId: "trace_id" }]);
    expect(meta.webhooks).toMatchObject({ signatureHeader: "X-Parallax-Signature", timestampHeader: "X-Parallax-Timestamp", signedPayload: "timestamp.body", signaturePrefix: "sha256=", toleranceSeconds: 600, eventField: "Topic" });
  });
});

describe("renderMeta", () => {
  const text = renderMeta(meta);

  it("writes the meta literal checked against the runtime contract", () => {
    const literal = text.slice(text.indexOf("export const meta = ") + "export const meta = ".length, text.indexOf(" as const satisfies ApiMeta;"));
    expect(JSON.parse(literal)).toEqual(meta);
    expect(text).toContain('import type { ApiMeta } from "@apiforge/runtime";');
  });

  it("exports the helper types SDK code keys on", () => {
    for (const name of ["OperationId", "PaginatedPath", "PaginatedOperationId", "BulkOperationId"]) expect(text).toMatch(new RegExp(`^export type ${name} = `, "m"));
  });
});
