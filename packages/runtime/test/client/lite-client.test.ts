// createLiteClient: the same client without pacing, paginate or bulk (for bundles where size
// matters; bench/bundle.ts measures what it leaves out). What it keeps is checked here against the
// fixture API's local server: auth, per-call options, typed errors, request ids, and a 429 waited
// out in the call itself since no limiter pauses the client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLiteClient, NotFoundError, RateLimitError } from "../../src/index.js";
import { type AcmeServer, startAcmeServer } from "./acme-server.js";
import { meta, type paths } from "./fixture.js";

let server: AcmeServer;
beforeAll(async () => {
  server = await startAcmeServer();
});
afterAll(() => server?.close());

/** A fetch that answers the first `n` calls itself with a 429 (Retry-After in seconds), then passes through. */
function throttledFirst(n: number, retryAfter: string) {
  const seen: number[] = [];
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(Date.now());
    if (seen.length <= n) return new Response('{"message":"slow down"}', { status: 429, headers: { "content-type": "application/json", "retry-after": retryAfter } });
    return fetch(input, init);
  }) as typeof fetch;
  return { fetch: f, seen };
}

const lite = (extra: Parameters<typeof createLiteClient<paths, typeof meta>>[1] = {}) =>
  createLiteClient<paths, typeof meta>(meta, { baseUrl: server.url, token: "tok_123", env: {}, ...extra });

describe("createLiteClient", () => {
  it("has the typed calls, unwrap and requestIdOf, and none of paginate, bulk or limiter", async () => {
    const client = lite();
    expect(client).not.toHaveProperty("paginate");
    expect(client).not.toHaveProperty("bulk");
    expect(client).not.toHaveProperty("limiter");
    const r = await client.GET("/projects", { params: { query: { page: 1 } } });
    expect(r.response.status).toBe(200);
    expect(server.seen.at(-1)!.headers.authorization).toBe(`Basic ${btoa("tok_123:tok_123")}`);
    expect(client.requestIdOf(r)).toBe("req-200");
  });

  it("waits a 429's Retry-After in the call (no limiter to pause) and then succeeds", async () => {
    const t = throttledFirst(1, "0.2");
    const r = await lite({ fetch: t.fetch }).GET("/projects", { params: { query: { page: 1 } } });
    expect(r.response.status).toBe(200);
    expect(t.seen).toHaveLength(2);
    expect(t.seen[1]! - t.seen[0]!).toBeGreaterThanOrEqual(190);
  });

  it("gives up after maxRetries 429s with a RateLimitError naming the attempts (per-call throwOnError and retry)", async () => {
    const t = throttledFirst(10, "0");
    const err = await lite({ fetch: t.fetch }).GET("/projects", { params: { query: { page: 1 } }, throwOnError: true, retry: { maxRetries: 2 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(t.seen).toHaveLength(3);
  });

  it("maps an envelope error to its typed error, with the envelope's request id", async () => {
    const thrown = await lite({ throwOnError: true }).GET("/projects/{id}", { params: { path: { id: "missing" } } }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(thrown).toMatchObject({ status: 404, requestId: "sup-42" });
  });
});
