// Every error class, produced by the response it maps from: Prism serves the fixture's documented
// responses (`Prefer: code=…`); the fault server covers what no spec documents (resets, timeouts).
import path from "node:path";
import { inspect } from "node:util";
import { fileURLToPath } from "node:url";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PrismHandle, startPrism } from "./support/shared.js";
import {
  AbortError,
  type ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  createTransport,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  TimeoutError,
  unwrap,
  ValidationError,
} from "../src/index.js";
import { startFaultServer } from "./support/fault-server.js";

const KEY = "sk_test_PRISM_abcdef123456";
const spec = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/errors.yaml");
let prism: PrismHandle;
const lines: string[] = [];

beforeAll(async () => {
  prism = await startPrism({ spec });
});
afterAll(() => prism?.stop());

function client(throwOnError: boolean) {
  const t = createTransport({
    rateLimit: { limit: 1000, windowMs: 1000 },
    retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 },
    throwOnError,
    logger: { debug: (m, e) => lines.push(m + JSON.stringify(e)), warn: (m, e) => lines.push(m + JSON.stringify(e)) },
  });
  const c = createClient<any>({ baseUrl: prism.url, fetch: t.fetch, headers: { "X-API-KEY": KEY } });
  c.use(t.middleware);
  return c;
}

const get = (throwOnError: boolean, code: number) =>
  client(throwOnError).GET("/widgets/{id}", { params: { path: { id: 1 } }, headers: { Prefer: `code=${code}` } });

describe("error classes from Prism", () => {
  it.each([
    [400, ValidationError, "Bad Request: id is malformed"],
    [401, AuthenticationError, "Unauthorized: The API key is missing or invalid."],
    [403, PermissionDeniedError, "Forbidden: This key may not read widgets."],
    [404, NotFoundError, "Not Found: Widget 1 does not exist."],
    [409, ConflictError, "Conflict: Widget is locked."],
    [422, ValidationError, "Unprocessable Entity"],
    [429, RateLimitError, "Too Many Requests: Rate limit of 100 per minute exceeded."],
    [500, InternalServerError, "Internal Server Error: Something broke."],
  ] as const)("%i → %o (throwOnError and unwrap agree)", async (status, Class, text) => {
    const thrown = await get(true, status).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Class);
    const e = thrown as ApiError;
    expect(e).toMatchObject({ status, method: "GET", path: "/widgets/1" });
    expect(e.message).toContain(`GET /widgets/1 failed with ${status}: ${text}`);
    const viaUnwrap = await get(false, status);
    expect(() => unwrap(viaUnwrap)).toThrow(Class);
    expect(() => unwrap(viaUnwrap)).toThrow(`GET /widgets/1 failed with ${status}`);
  });

  it("exposes validation errors sent as a list and as a field map", async () => {
    const e400 = (await get(true, 400).catch((e: unknown) => e)) as ValidationError;
    expect(e400.errors).toEqual([{ message: "id must be positive" }]);
    const e422 = (await get(true, 422).catch((e: unknown) => e)) as ValidationError;
    expect(e422.errors).toEqual([
      { field: "name", message: "is required" },
      { field: "size", message: "must be at most 10" },
    ]);
  });

  it("RateLimitError carries attempts, Retry-After and the limit headers", async () => {
    const e = (await get(true, 429).catch((x: unknown) => x)) as RateLimitError;
    expect(e).toMatchObject({ attempts: 2, retryAfterMs: 0, rateLimit: { limit: 100, remaining: 0 } });
  });

  it("returns data for a 200", async () => {
    expect(unwrap(await get(false, 200))).toEqual({ id: 1, name: "sprocket" });
  });

  it("the API key never appears in a message or a log line", () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.join("\n")).not.toContain(KEY);
  });
});

describe("error classes from the fault server", () => {
  it("reset → ConnectionError, slow → TimeoutError, abort → AbortError, all SdkError with method and path", async () => {
    const server = await startFaultServer();
    try {
      server.script("POST", "/w", [{ reset: true }, { delayMs: 2000 }, { delayMs: 2000 }]);
      const t = createTransport({ rateLimit: false, timeoutMs: 100 });
      const c = createClient<any>({ baseUrl: server.url, fetch: t.fetch, headers: { "X-API-KEY": KEY } });
      const reset = await c.POST("/w", { body: {} }).catch((e: unknown) => e);
      const slow = await c.POST("/w", { body: {} }).catch((e: unknown) => e);
      const aborted = await c.POST("/w", { body: {}, signal: AbortSignal.abort("bye") }).catch((e: unknown) => e);
      expect(reset).toBeInstanceOf(ConnectionError);
      expect(slow).toBeInstanceOf(TimeoutError);
      expect(aborted).toBeInstanceOf(AbortError);
      for (const e of [reset, slow, aborted]) {
        expect(e).toBeInstanceOf(SdkError);
        expect(e).toMatchObject({ method: "POST", path: "/w" });
        expect(inspect(e, { depth: 10 })).not.toContain(KEY);
      }
      expect((reset as Error).cause).toBeDefined();
      expect((aborted as Error).cause).toBe("bye");
    } finally {
      await server.close();
    }
  });

  it("a malformed JSON error body is kept as text", async () => {
    const server = await startFaultServer();
    try {
      server.script("GET", "/m", [{ malformedJson: true, status: 500 }]);
      const t = createTransport({ rateLimit: false, retry: false, throwOnError: true });
      const e = (await t.fetch(`${server.url}/m`).catch((x: unknown) => x)) as InternalServerError;
      expect(e).toBeInstanceOf(InternalServerError);
      expect(e.body).toBe('{"broken": ');
    } finally {
      await server.close();
    }
  });
});
