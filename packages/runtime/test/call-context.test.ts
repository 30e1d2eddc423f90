// Failures without a response name the host and the attempts made once the transport gives up.
import { describe, expect, it } from "vitest";
import { ConnectionError, createTransport, TimeoutError } from "../src/index.js";

const reset: typeof fetch = async () => {
  throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNRESET" } });
};

describe("transport failure messages", () => {
  it("a connection failure names method, path, host and attempts, in sentences ending in one period", async () => {
    const t = createTransport({ rateLimit: false, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 }, fetch: reset });
    const err = await t.fetch("https://api.example.test:8443/v1/things?x=1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err).toMatchObject({ host: "api.example.test:8443", attempts: 3, method: "GET", path: "/v1/things" });
    expect((err as Error).message).toBe("GET /v1/things could not complete: connection failed (ECONNRESET). Sent to api.example.test:8443; gave up after 3 attempts.");
  });

  it("a timeout on a single attempt says so", async () => {
    const stall: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    const t = createTransport({ rateLimit: false, retry: false, timeoutMs: 20, fetch: stall });
    const err = await t.fetch("http://127.0.0.1:9/slow", { method: "POST", body: "{}" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/^POST \/slow timed out: the per-attempt timeout of 20 ms passed\. Sent to 127\.0\.0\.1:9; gave up after 1 attempt\.$/);
  });
});
