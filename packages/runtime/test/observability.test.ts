// One event per attempt, and the API key never appears in any message, log line or error field.
import { inspect } from "node:util";
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AttemptEvent, AuthenticationError, createTransport, REDACTED, type TransportOptions, unwrap } from "../src/index.js";
import { type FaultServer, startFaultServer } from "./support/fault-server.js";

const KEY = "sk_live_SECRET_0123456789";
let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

function setup(opts: TransportOptions = {}) {
  const events: AttemptEvent[] = [];
  const lines: string[] = [];
  const t = createTransport({
    rateLimit: { limit: 100, windowMs: 1000 },
    retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 },
    onAttempt: (e) => events.push(e),
    logger: { debug: (m, e) => lines.push(m + JSON.stringify(e)), warn: (m, e) => lines.push(m + JSON.stringify(e)) },
    redactHeaders: ["X-Partner-Token"],
    ...opts,
  });
  const client = createClient<any>({ baseUrl: server.url, fetch: t.fetch, headers: { "X-API-KEY": KEY, "X-Partner-Token": "partner_secret_99" } });
  client.use(t.middleware);
  return { client, events, lines };
}

describe("observability", () => {
  it("emits one event per attempt with status, attempt, wait, queue and rate-limit headers", async () => {
    server.script("GET", "/items/7", [{ status: 503, headers: { "ratelimit-limit": "100", "ratelimit-remaining": "42", "ratelimit-reset": "30" } }]);
    const { client, events } = setup();
    await client.GET("/items/{id}", { params: { path: { id: 7 } } });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      method: "GET",
      path: "/items/7",
      operation: "/items/{id}",
      attempt: 1,
      status: 503,
      retry: true,
      queueLength: 0,
      rateLimit: { limit: 100, remaining: 42, resetMs: 30_000 },
    });
    expect(events[0]!.waitedMs).toBeGreaterThanOrEqual(0);
    expect(events[1]).toMatchObject({ attempt: 2, status: 200, retry: false, reason: "success" });
  });

  it("reports connection failures by kind", async () => {
    server.script("POST", "/items", [{ reset: true }]);
    const { client, events } = setup();
    await expect(client.POST("/items", { body: {} })).rejects.toThrow();
    expect(events).toEqual([expect.objectContaining({ attempt: 1, error: "connection", retry: false })]);
  });
});

describe("redaction", () => {
  it("keeps the key out of messages, logs, error headers, bodies and inspect output", async () => {
    // a careless server that echoes the key in its text and headers
    server.script("GET", "/me", [
      { status: 401, body: { title: "Unauthorized", detail: `API key ${KEY} is revoked` }, headers: { "x-api-key": KEY, "x-echo": `key=${KEY}`, "x-request-id": "req_1" } },
    ]);
    const { client, lines } = setup();
    const result = await client.GET("/me", {});
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AuthenticationError);
    const err = thrown as AuthenticationError;
    expect(err.message).toContain("GET /me failed with 401: Unauthorized: API key [redacted] is revoked");
    expect(err.message).toContain("Check the API key header");
    expect(err.headers["x-api-key"]).toBe(REDACTED);
    expect(err.requestId).toBe("req_1");
    const everything = [err.message, JSON.stringify(err), inspect(err, { depth: 10 }), JSON.stringify(err.body), ...lines].join("\n");
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain("partner_secret_99");
    expect(lines.length).toBeGreaterThan(0);
    // the key did reach the server: redaction is ours, not a missing header
    expect(server.log[0]!.headers["x-api-key"]).toBe(KEY);
  });

  it("throwOnError errors are redacted the same way", async () => {
    server.script("GET", "/me", [{ status: 401, body: { error: `bad key ${KEY}` } }]);
    const { client } = setup({ throwOnError: true });
    const err = await client.GET("/me", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(inspect(err, { depth: 10 })).not.toContain(KEY);
  });
});
