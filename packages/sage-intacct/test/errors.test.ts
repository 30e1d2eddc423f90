// Sage's three error envelopes (from the spec's x-apiforge-errors, written by overlay 06) each
// become the runtime's typed error with code, errorId, details and supportId as requestId; the
// spec's limiter (2 concurrent, X-IA-*-RetryAfter) stays on, so a throttled call waits what Sage says.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiError, createSageIntacctClient, NotFoundError, PermissionDeniedError, RateLimitError, ValidationError } from "../src/index.js";

const ANSWERS: Record<string, { status: number; headers?: Record<string, string>; body: unknown }> = {
  // the nested envelope the spec's error-response schema declares
  nested: {
    status: 404,
    body: {
      "ia::result": {
        "ia::error": {
          code: "notFound",
          message: "Requested resource not found",
          errorId: "REST-1028",
          supportId: "Kx4cV%7EYyX1Yw7Y-AAA",
          details: [{ code: "notFound", message: "projects/project-resource 99 not found", target: "key" }],
        },
      },
      "ia::meta": { totalCount: 1, totalSuccess: 0, totalError: 1 },
    },
  },
  // the same error object at the top level
  top: {
    status: 422,
    body: { "ia::error": { code: "invalidRequest", message: "Missing required field", errorId: "REST-1001", supportId: "sup-422", details: [{ code: "required", message: "project is required", target: "project" }] } },
  },
  // the gateway's plain envelope
  plain: { status: 403, body: { error: { code: "forbidden", message: "The user has no permission for this object", supportId: "sup-403" } } },
  throttled: { status: 429, headers: { "X-IA-Throttle-RetryAfter": "1" }, body: { "ia::error": { code: "throttled", message: "Too many concurrent requests", supportId: "sup-429" } } },
};

let url = "";
const hits: Record<string, number> = {};
const server = createServer((req, res) => {
  const key = req.url!.split("/").pop()!;
  hits[key] = (hits[key] ?? 0) + 1;
  const a = ANSWERS[key]!;
  res.writeHead(a.status, { "content-type": "application/json", ...a.headers }).end(JSON.stringify(a.body));
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = async (key: string) => {
  const sdk = createSageIntacctClient({ baseUrl: url, accessToken: "t", retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 }, throwOnError: true });
  return sdk.GET("/objects/projects/project-resource/{key}", { params: { path: { key } } }).catch((e: unknown) => e as ApiError);
};

describe("Sage error envelopes → typed errors", () => {
  it("{ ia::result: { ia::error } } → NotFoundError with code, errorId, details, supportId as requestId", async () => {
    const err = await call("nested");
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ status: 404, code: "notFound", errorId: "REST-1028", requestId: "Kx4cV%7EYyX1Yw7Y-AAA" });
    expect((err as ApiError).details).toEqual([expect.objectContaining({ code: "notFound", message: "projects/project-resource 99 not found" })]);
  });

  it("a top-level { ia::error } → ValidationError with its details", async () => {
    const err = await call("top");
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ status: 422, code: "invalidRequest", errorId: "REST-1001", requestId: "sup-422" });
    expect((err as ApiError).details).toEqual([expect.objectContaining({ code: "required", message: "project is required" })]);
  });

  it("{ error: { code, message, supportId } } → PermissionDeniedError", async () => {
    const err = await call("plain");
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect(err).toMatchObject({ status: 403, code: "forbidden", requestId: "sup-403", errorId: undefined, details: [] });
    expect((err as Error).message).toContain("The user has no permission for this object");
  });

  it("429 with X-IA-Throttle-RetryAfter → retried once, then RateLimitError with the delay read", { timeout: 8000 }, async () => {
    const err = await call("throttled");
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ code: "throttled", requestId: "sup-429", retryAfterMs: 1000 });
    expect(hits.throttled).toBe(2);
  });
});
