import { describe, expect, it } from "vitest";
import type { OpenApiDoc } from "../spec-doc.ts";
import { extractOperations } from "./operations.ts";
import { extractRateLimit } from "./rate-limit.ts";
import { extractWebhooks } from "./webhooks.ts";

const body = (schema: object) => ({ content: { "application/json": { schema } } });
const spec = (paths: Record<string, object>, extra: object = {}): OpenApiDoc => ({ openapi: "3.1.0", paths, ...extra });
const header = (name: string) => ({ name, in: "header", schema: { type: "string" } });

describe("bulk and idempotency per operation", () => {
  it("finds bulk limits on array bodies and on one array field of an object body, through allOf", () => {
    const doc = spec({
      "/bulk": {
        post: { operationId: "BulkA", requestBody: body({ type: "array", maxItems: 100, items: {} }), responses: {} },
        put: { operationId: "BulkB", requestBody: body({ allOf: [{ type: "object", properties: { entries: { type: "array", maxItems: 25 } } }] }), responses: {} },
        patch: { operationId: "Plain", requestBody: body({ type: "array", items: {} }), responses: {} },
      },
    });
    const ops = extractOperations(doc);
    expect([ops.BulkA?.bulk, ops.BulkB?.bulk, ops.Plain?.bulk]).toEqual([{ maxItems: 100 }, { maxItems: 25, field: "entries" }, undefined]);
  });

  it("keys operations without an operationId by method and path", () => {
    expect(Object.keys(extractOperations(spec({ "/a": { get: { responses: {} }, delete: { operationId: "DelA", responses: {} } } })))).toEqual(["get /a", "DelA"]);
  });

  it("detects an Idempotency-Key header parameter in any case, on the operation or its path", () => {
    const doc = spec({
      "/charges": { parameters: [header("idempotency-key")], post: { operationId: "Create", responses: {} } },
      "/refunds": { post: { operationId: "Refund", parameters: [header("Idempotency-Key")], responses: {} }, get: { operationId: "List", responses: {} } },
    });
    const ops = extractOperations(doc);
    expect([ops.Create?.idempotencyHeader, ops.Refund?.idempotencyHeader, ops.List?.idempotencyHeader]).toEqual(["idempotency-key", "Idempotency-Key", undefined]);
  });

  it("the root extension names the header for whole methods; an operation's own extension wins, false opts out", () => {
    const doc = spec(
      {
        "/a": { post: { operationId: "A", responses: {} }, get: { operationId: "GetA", responses: {} } },
        "/b": { post: { operationId: "B", "x-apiforge-idempotency": false, responses: {} }, delete: { operationId: "DelB", "x-apiforge-idempotency": "X-Idem", responses: {} } },
      },
      { "x-apiforge-idempotency": { header: "Idempotency-Key" } },
    );
    const ops = extractOperations(doc);
    expect([ops.A, ops.GetA, ops.B, ops.DelB].map((o) => o?.idempotencyHeader)).toEqual(["Idempotency-Key", undefined, undefined, "X-Idem"]);
  });
});

describe("rate limit", () => {
  it("reads the legacy x-rate-limit window in seconds or milliseconds (Parallax)", () => {
    expect(extractRateLimit(spec({}, { "x-rate-limit": { limit: 100, windowSeconds: 60, strategy: "fixed-window", scope: "user" } }))).toEqual({ window: { limit: 100, windowMs: 60_000 } });
    expect(extractRateLimit(spec({}, { "x-rate-limit": { limit: 5, windowMs: 1000 } }))).toEqual({ window: { limit: 5, windowMs: 1000 } });
  });

  it("x-apiforge-rate-limit adds concurrency and header names, and wins over the legacy one", () => {
    const doc = spec({}, { "x-rate-limit": { limit: 1, windowSeconds: 1 }, "x-apiforge-rate-limit": { limit: 10, windowSeconds: 1, maxConcurrent: 4, retryAfterHeaders: ["X-Retry-In"] } });
    expect(extractRateLimit(doc)).toEqual({ window: { limit: 10, windowMs: 1000 }, maxConcurrent: 4, retryAfterHeaders: ["X-Retry-In"] });
  });

  it("is adaptive when nothing is documented, unless the extension says otherwise", () => {
    expect(extractRateLimit(spec({}))).toEqual({ adaptive: true });
    expect(extractRateLimit(spec({}, { "x-apiforge-rate-limit": { maxConcurrent: 2 } }))).toEqual({ maxConcurrent: 2, adaptive: true });
    expect(extractRateLimit(spec({}, { "x-apiforge-rate-limit": { adaptive: false } }))).toEqual({ adaptive: false });
  });

  it("refuses half a window", () => {
    expect(() => extractRateLimit(spec({}, { "x-apiforge-rate-limit": { limit: 10 } }))).toThrow(/needs both limit/);
  });
});

describe("webhooks", () => {
  const parallax = {
    signatureHeader: "X-Parallax-Signature",
    timestampHeader: "X-Parallax-Timestamp",
    algorithm: "hmac-sha256",
    signedPayload: "timestamp.body",
    signaturePrefix: "sha256=",
    encodings: ["hex", "base64"],
    toleranceSeconds: 600,
    eventField: "Topic",
  };

  it("come from x-apiforge-webhooks only", () => {
    expect(extractWebhooks(spec({}, { "x-apiforge-webhooks": parallax }))).toEqual(parallax);
    expect(extractWebhooks(spec({}))).toBeUndefined();
  });

  it("defaults to hex HMAC-SHA256 over the raw body", () => {
    expect(extractWebhooks(spec({}, { "x-apiforge-webhooks": { signatureHeader: "X-Sig" } }))).toEqual({ signatureHeader: "X-Sig", algorithm: "hmac-sha256", signedPayload: "body", encodings: ["hex"] });
  });

  it("refuses a timestamped payload without its header, and an unknown encoding", () => {
    expect(() => extractWebhooks(spec({}, { "x-apiforge-webhooks": { signatureHeader: "S", signedPayload: "timestamp.body" } }))).toThrow(/needs timestampHeader/);
    expect(() => extractWebhooks(spec({}, { "x-apiforge-webhooks": { signatureHeader: "S", encodings: ["base32"] } }))).toThrow(/encodings/);
  });
});
