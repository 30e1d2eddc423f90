import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, type RetryInput, retryAfterFrom, retryAfterNames, shouldRetry } from "./retry.js";

const NOW = Date.parse("2025-01-01T00:00:00Z");

describe("parseRetryAfter", () => {
  const cases: [string, { given: string | null | undefined; want: number | undefined }][] = [
    ["delta seconds", { given: "3", want: 3000 }],
    ["zero", { given: "0", want: 0 }],
    ["padded", { given: "  12 ", want: 12_000 }],
    ["fractional seconds (lenient)", { given: "1.5", want: 1500 }],
    ["HTTP-date in the future", { given: "Wed, 01 Jan 2025 00:00:07 GMT", want: 7000 }],
    ["HTTP-date in the past clamps to 0", { given: "Tue, 31 Dec 2024 23:59:00 GMT", want: 0 }],
    ["missing", { given: null, want: undefined }],
    ["undefined", { given: undefined, want: undefined }],
    ["empty", { given: "", want: undefined }],
    ["negative", { given: "-5", want: undefined }],
    ["unit suffix", { given: "10s", want: undefined }],
    ["exponent", { given: "1e3", want: undefined }],
    ["garbage", { given: "soon", want: undefined }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    expect(parseRetryAfter(given, NOW)).toBe(want);
  });
});

describe("backoffDelay", () => {
  const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1000],
    [30, 1000],
  ])("retry %i stays within [0, %i)", (retry, ceiling) => {
    expect(backoffDelay(retry, opts, () => 0)).toBe(0);
    expect(backoffDelay(retry, opts, () => 0.999999)).toBe(ceiling - 1);
    expect(backoffDelay(retry, opts, () => 0.5)).toBe(ceiling / 2);
  });
});

describe("shouldRetry", () => {
  const base: RetryInput = { method: "GET", idempotencyKey: false, attempt: 1, maxRetries: 2 };
  const cases: [string, { given: Partial<RetryInput>; want: boolean }][] = [
    ["429 on POST", { given: { method: "POST", status: 429 }, want: true }],
    ["429 on PATCH", { given: { method: "PATCH", status: 429 }, want: true }],
    ["503 on GET", { given: { status: 503 }, want: true }],
    ["500 on DELETE", { given: { method: "DELETE", status: 500 }, want: true }],
    ["500 on PUT", { given: { method: "PUT", status: 500 }, want: true }],
    ["408 on HEAD", { given: { method: "HEAD", status: 408 }, want: true }],
    ["500 on POST", { given: { method: "POST", status: 500 }, want: false }],
    ["502 on PATCH", { given: { method: "PATCH", status: 502 }, want: false }],
    ["connection reset on POST", { given: { method: "POST", failure: "connection" }, want: false }],
    ["timeout on POST", { given: { method: "POST", failure: "timeout" }, want: false }],
    ["503 on POST with Idempotency-Key", { given: { method: "POST", status: 503, idempotencyKey: true }, want: true }],
    ["reset on POST with Idempotency-Key", { given: { method: "POST", failure: "connection", idempotencyKey: true }, want: true }],
    ["timeout on GET", { given: { failure: "timeout" }, want: true }],
    ["connection failure on OPTIONS", { given: { method: "OPTIONS", failure: "connection" }, want: true }],
    ["caller abort on GET", { given: { failure: "abort" }, want: false }],
    ["404 on GET", { given: { status: 404 }, want: false }],
    ["400 on GET", { given: { status: 400 }, want: false }],
    ["200", { given: { status: 200 }, want: false }],
    ["501 on GET", { given: { status: 501 }, want: false }],
    ["retries exhausted on 429", { given: { status: 429, attempt: 3 }, want: false }],
    ["last retry allowed", { given: { status: 503, attempt: 2 }, want: true }],
    ["lower-case method", { given: { method: "get", status: 503 }, want: true }],
  ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const d = shouldRetry({ ...base, ...given });
    expect(d.retry).toBe(want);
    expect(d.reason).toBeTruthy();
  });
});

describe("retryAfterFrom: Retry-After plus a vendor's own delay headers", () => {
  const sage = retryAfterNames(["X-IA-*-RetryAfter"]);
  const cases: [string, { headers: Record<string, string>; names?: string[]; want: number | undefined }][] = [
    ["plain Retry-After", { headers: { "retry-after": "2" }, want: 2000 }],
    ["a vendor variant in seconds", { headers: { "x-ia-concurrency-retryafter": "3" }, want: 3000 }],
    ["a vendor variant as an HTTP date", { headers: { "X-IA-Rate-RetryAfter": "Wed, 01 Jan 2025 00:00:05 GMT" }, want: 5000 }],
    ["the longest of several", { headers: { "retry-after": "1", "x-ia-rate-retryafter": "4", "x-ia-concurrency-retryafter": "2" }, want: 4000 }],
    ["an unparseable variant is ignored", { headers: { "x-ia-rate-retryafter": "soon", "retry-after": "1" }, want: 1000 }],
    ["a look-alike outside the pattern is ignored", { headers: { "x-ia-rate-retry": "9" }, want: undefined }],
    ["exact names, case-insensitive", { headers: { "X-Wait-Seconds": "6" }, names: ["x-wait-seconds"], want: 6000 }],
  ];
  it.each(cases)("%s", (_name, { headers, names, want }) => {
    expect(retryAfterFrom(new Headers(headers), names ? retryAfterNames(names) : sage, NOW)).toBe(want);
  });
});

describe("shouldRetry reasons name the declared idempotency header and never advise one", () => {
  it("names whatever header the operation declares", () => {
    const d = shouldRetry({ method: "POST", status: 503, idempotencyKey: true, idempotencyHeader: "X-Request-Token", attempt: 1, maxRetries: 2 });
    expect(d).toEqual({ retry: true, reason: "status 503; POST carries an idempotency key (X-Request-Token)" });
  });

  it("without a key, says the call may have been applied and nothing about sending one", () => {
    const d = shouldRetry({ method: "POST", failure: "connection", idempotencyKey: false, attempt: 1, maxRetries: 2 });
    expect(d).toEqual({ retry: false, reason: "connection failure on POST: may have been applied, not resent" });
    expect(d.reason).not.toMatch(/idempotency/i);
  });
});
