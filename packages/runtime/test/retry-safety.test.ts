// Retry safety by status class, against a real server: what the server received is the proof.
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, createTransport, InternalServerError, RateLimitError, type TransportOptions, unwrap } from "../src/index.js";
import { type FaultServer, startFaultServer } from "./support/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

// tiny backoff: the decisions are under test, not the delays
const fast: TransportOptions = { rateLimit: false, retry: { maxRetries: 3, baseDelayMs: 2, maxDelayMs: 5 } };

function client(opts: TransportOptions = {}) {
  const t = createTransport({ ...fast, ...opts });
  const c = createClient<any>({ baseUrl: server.url, fetch: t.fetch });
  c.use(t.middleware);
  return c;
}

describe("retry safety", () => {
  it("POST after 500 is sent exactly once and the error surfaces", async () => {
    server.script("POST", "/orders", [{ status: 500, body: { title: "Internal", detail: "db down" } }]);
    const r = await client().POST("/orders", { body: { sku: "a" } });
    expect(server.count("POST", "/orders")).toBe(1);
    expect(() => unwrap(r)).toThrow(InternalServerError);
    expect(() => unwrap(r)).toThrow("POST /orders failed with 500: Internal: db down");
  });

  it("POST after a connection reset is sent exactly once and rejects with ConnectionError", async () => {
    server.script("POST", "/orders", [{ reset: true }]);
    await expect(client().POST("/orders", { body: { sku: "a" } })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.count("POST", "/orders")).toBe(1);
  });

  it("PATCH after 502 is not retried", async () => {
    server.script("PATCH", "/orders/1", [{ status: 502 }]);
    const r = await client().PATCH("/orders/1", { body: { sku: "b" } });
    expect(r.response.status).toBe(502);
    expect(server.count("PATCH", "/orders/1")).toBe(1);
  });

  it("GET after 503 is retried and succeeds", async () => {
    server.script("GET", "/orders", [{ status: 503 }]);
    const r = await client().GET("/orders", {});
    expect(r.response.status).toBe(200);
    expect(server.count("GET", "/orders")).toBe(2);
  });

  it("GET after a reset is retried and succeeds", async () => {
    server.script("GET", "/orders", [{ reset: true }, { reset: true }]);
    const r = await client().GET("/orders", {});
    expect(r.data).toMatchObject({ ok: true });
    expect(server.count("GET", "/orders")).toBe(3);
  });

  it("POST with Idempotency-Key after 503 is retried with the same key and the same body", async () => {
    server.script("POST", "/orders", [{ status: 503 }, { status: 503 }]);
    const r = await client().POST("/orders", { body: { sku: "c", qty: 2 }, headers: { "Idempotency-Key": "idem-123" } });
    expect(r.response.status).toBe(201);
    const sent = server.log.filter((e) => e.path === "/orders");
    expect(sent).toHaveLength(3);
    expect(sent.map((e) => e.headers["idempotency-key"])).toEqual(["idem-123", "idem-123", "idem-123"]);
    expect(new Set(sent.map((e) => e.body))).toEqual(new Set(['{"sku":"c","qty":2}']));
  });

  it("POST after 429 is retried (the server did not process it) with the body replayed", async () => {
    server.script("POST", "/orders", [{ status: 429, retryAfter: "seconds", retryAfterSeconds: 0 }]);
    const r = await client().POST("/orders", { body: { sku: "d" } });
    expect(r.response.status).toBe(201);
    expect(server.log.map((e) => e.body)).toEqual(['{"sku":"d"}', '{"sku":"d"}']);
  });

  it("429s are retried a bounded number of times, then RateLimitError carries attempts and headers", async () => {
    const fault = { status: 429 as const, retryAfter: "seconds" as const, retryAfterSeconds: 0, headers: { "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0" } };
    server.script("GET", "/orders", [fault, fault, fault]);
    const c = client({ retry: { maxRetries: 2, baseDelayMs: 1 }, throwOnError: true });
    const err = await c.GET("/orders", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err).toMatchObject({ status: 429, attempts: 3, retryAfterMs: 0, rateLimit: { limit: 100, remaining: 0 }, method: "GET", path: "/orders" });
    expect(server.count("GET", "/orders")).toBe(3);
  });

  it("retry: false sends once even for GET", async () => {
    server.script("GET", "/orders", [{ status: 503 }]);
    const r = await client({ retry: false }).GET("/orders", {});
    expect(r.response.status).toBe(503);
    expect(server.count("GET", "/orders")).toBe(1);
  });

  it("retryOn can force a retry the table refuses", async () => {
    server.script("POST", "/orders", [{ status: 500 }]);
    const r = await client({ retry: { maxRetries: 1, baseDelayMs: 1, retryOn: ({ status }) => (status === 500 ? true : undefined) } }).POST("/orders", { body: {} });
    expect(r.response.status).toBe(201);
    expect(server.count("POST", "/orders")).toBe(2);
  });

  it("the plain fetch form replays a string body after a 429", async () => {
    server.script("PUT", "/things/1", [{ status: 429, retryAfter: "seconds", retryAfterSeconds: 0 }]);
    const f = createTransport(fast).fetch;
    const res = await f(`${server.url}/things/1?x=1`, { method: "PUT", body: "hello", headers: { "content-type": "text/plain" } });
    expect(res.status).toBe(200);
    expect(server.log.map((e) => e.body)).toEqual(["hello", "hello"]);
  });

  it("the plain fetch form replays a stream body from clones", async () => {
    server.script("POST", "/upload", [{ status: 503 }]);
    const f = createTransport(fast).fetch;
    const body = new Blob(["stream-data"]).stream();
    const res = await f(`${server.url}/upload`, { method: "POST", body, headers: { "idempotency-key": "k1" }, duplex: "half" } as RequestInit);
    expect(res.status).toBe(201);
    expect(server.log.map((e) => e.body)).toEqual(["stream-data", "stream-data"]);
  });
});
