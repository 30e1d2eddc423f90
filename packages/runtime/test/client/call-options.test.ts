// Per-call options against a local server: what the server received (attempts, headers) is the proof.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApiMeta } from "../../src/api-meta.js";
import { createApiClient, InternalServerError, NotFoundError, SdkError, TimeoutError } from "../../src/index.js";
import { meta as acme, type paths } from "./fixture.js";

// the fixture API, with its create operation declaring a vendor-named idempotency header
const meta = {
  ...acme,
  operations: { ...acme.operations, CreateProject: { method: "post", path: "/projects", idempotencyHeader: "X-Acme-Idempotency" } },
} as const satisfies ApiMeta;

interface Hit {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
}
let hits: Hit[] = [];
let failNext = 0;
let url = "";
const server = createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0]!;
  hits.push({ method: req.method ?? "", path, headers: req.headers });
  req.resume();
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (failNext > 0) {
    failNext--;
    return json(503, { message: "busy" });
  }
  if (path === "/projects/slow") return void setTimeout(() => json(200, { id: "slow", name: "Slow" }), 2000).unref();
  if (path === "/projects/missing") return json(404, { message: "Project missing was not found." });
  if (req.method === "POST") return json(200, { id: "new", name: "x" });
  return json(200, { id: path.split("/").pop(), name: "One" });
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  hits = [];
  failNext = 0;
});

const client = (extra: Parameters<typeof createApiClient<paths, typeof meta>>[1] = {}) =>
  createApiClient<paths, typeof meta>(meta, { baseUrl: url, token: "t", env: {}, rateLimit: false, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 }, ...extra });
const one = { params: { path: { id: "p1" } } };

describe("per-call options", () => {
  it("timeoutMs: 1 times out that call only, and retry: false makes it one attempt", async () => {
    const c = client();
    const err = await c.GET("/projects/{id}", { params: { path: { id: "slow" } }, timeoutMs: 1, retry: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/^GET \/projects\/slow timed out: the per-attempt timeout of 1 ms passed\. Sent to 127\.0\.0\.1:\d+; gave up after 1 attempt\.$/);
    // 1 ms may pass before the request is even written; what matters is that it is never resent
    expect(hits.length).toBeLessThanOrEqual(1);
    // the client's own settings are untouched for the next call
    expect((await c.GET("/projects/{id}", one)).data).toEqual({ id: "p1", name: "One" });
  });

  it("retry: false makes one attempt, maxRetries sets the count, the client's policy applies otherwise", async () => {
    const c = client();
    failNext = 5;
    expect((await c.GET("/projects/{id}", { ...one, retry: false })).response.status).toBe(503);
    expect(hits).toHaveLength(1);
    hits = [];
    failNext = 5;
    expect((await c.GET("/projects/{id}", { ...one, maxRetries: 1 })).response.status).toBe(503);
    expect(hits).toHaveLength(2);
    hits = [];
    failNext = 2;
    expect((await c.GET("/projects/{id}", one)).response.status).toBe(200);
    expect(hits).toHaveLength(3);
  });

  it("idempotencyKey goes in the operation's declared header and is reused on the retry that header makes safe", async () => {
    failNext = 1;
    const { data } = await client().POST("/projects", { body: { name: "x" }, idempotencyKey: "order-42" });
    expect(data).toEqual({ id: "new", name: "x" });
    expect(hits.map((h) => h.headers["x-acme-idempotency"])).toEqual(["order-42", "order-42"]);
    expect(hits[0]!.headers["idempotency-key"]).toBeUndefined();
  });

  it("without idempotencyKey, a fresh key per call in the declared header, the same on its retry", async () => {
    failNext = 1;
    const c = client();
    await c.POST("/projects", { body: { name: "x" } });
    await c.POST("/projects", { body: { name: "y" } });
    const keys = hits.map((h) => h.headers["x-acme-idempotency"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it("an operation that declares no idempotency header: a 5xx POST is not resent, nothing advises a key, and idempotencyKey is refused", async () => {
    failNext = 1;
    const c = client({ throwOnError: true });
    const err = await c.POST("/projects/{id}/plans", { params: { path: { id: "p1" } }, body: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InternalServerError);
    expect((err as Error).message).not.toMatch(/idempotency/i);
    expect(hits).toHaveLength(1);
    // a literal Idempotency-Key the spec does not declare makes no retry safe either
    failNext = 1;
    await c.POST("/projects/{id}/plans", { params: { path: { id: "p1" } }, body: [], headers: { "Idempotency-Key": "k" } }).catch(() => undefined);
    expect(hits).toHaveLength(2);
    const refused = await c.POST("/projects/{id}/plans", { params: { path: { id: "p1" } }, body: [], idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SdkError);
    expect((refused as Error).message).toBe("POST /projects/p1/plans declares no idempotency header, so the server would ignore `idempotencyKey`: remove the option for this call.");
    expect(hits).toHaveLength(2);
  });

  it("throwOnError per call throws the typed error; false per call overrides a throwing client", async () => {
    const missing = { params: { path: { id: "missing" } } };
    const err = await client().GET("/projects/{id}", { ...missing, throwOnError: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).status).toBe(404);
    const r = await client({ throwOnError: true }).GET("/projects/{id}", { ...missing, throwOnError: false });
    expect(r.response.status).toBe(404);
    expect(r.error).toEqual({ message: "Project missing was not found." });
  });

  it("signal aborts the call", async () => {
    const err = await client().GET("/projects/{id}", { params: { path: { id: "slow" } }, signal: AbortSignal.timeout(20) }).catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
  });
});
