// createApiClient against a local server: everything vendor-specific comes from the fixture's meta.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ClientConfigError, createApiClient, MissingCredentialsError, NotFoundError, PaginationError, PlanLimitError, ValidationError } from "../../src/index.js";
import { type AcmeServer, startAcmeServer } from "./acme-server.js";
import { meta, type paths } from "./fixture.js";

let server: AcmeServer;
beforeAll(async () => {
  server = await startAcmeServer();
});
afterAll(() => server?.close());

const client = (extra: Parameters<typeof createApiClient<paths, typeof meta>>[1] = {}) =>
  createApiClient<paths, typeof meta>(meta, { baseUrl: server.url, token: "tok_123", retry: false, env: {}, ...extra });
const last = () => server.seen[server.seen.length - 1]!;

describe("construction", () => {
  it("fills the spec's server variables and validates the subdomain as a host label", () => {
    expect(createApiClient<paths, typeof meta>(meta, { subdomain: "acme-co", token: "t", env: {} }).baseUrl).toBe("https://acme-co.acme.example/api/v2");
    expect(createApiClient<paths, typeof meta>(meta, { token: "t", env: {} }).baseUrl).toBe("https://demo.acme.example/api/v2");
    for (const bad of ["evil.com/x?", "a.b", "-lead", "x".repeat(64), "acme.example.org#"]) {
      expect(() => createApiClient<paths, typeof meta>(meta, { subdomain: bad, token: "t", env: {} })).toThrow(/`subdomain` must be a valid host label/);
    }
  });

  it("reads <PREFIX>_BASE_URL and the server variable from the environment", () => {
    expect(createApiClient<paths, typeof meta>(meta, { token: "t", env: { ACME_BASE_URL: "http://127.0.0.1:4010/" } }).baseUrl).toBe("http://127.0.0.1:4010");
    expect(createApiClient<paths, typeof meta>(meta, { token: "t", env: { ACME_SUBDOMAIN: "envco" } }).baseUrl).toBe("https://envco.acme.example/api/v2");
    expect(createApiClient<paths, typeof meta>(meta, { baseUrl: "https://x.test", token: "t", env: { ACME_BASE_URL: "http://ignored" } }).baseUrl).toBe("https://x.test");
  });

  it.each(["127.0.0.1:4517", "localhost:4517", "api.acme.example/v2", "ftp://files.acme.example"])("refuses baseUrl %s without an http(s) scheme", (baseUrl) => {
    expect(() => createApiClient<paths, typeof meta>(meta, { baseUrl, token: "t", env: {} })).toThrow(ClientConfigError);
    expect(() => createApiClient<paths, typeof meta>(meta, { baseUrl, token: "t", env: {} })).toThrow(/baseUrl must be an absolute http\(s\) URL with a scheme/);
  });

  it("refuses to start without credentials, naming the option and the variable", () => {
    expect(() => createApiClient<paths, typeof meta>(meta, { env: {} })).toThrow(MissingCredentialsError);
    expect(() => createApiClient<paths, typeof meta>(meta, { env: {} })).toThrow(/basic: pass \{ token \}, or set ACME_API_TOKEN/);
    expect(createApiClient<paths, typeof meta>(meta, { env: { ACME_API_TOKEN: "from-env" } }).baseUrl).toContain("demo");
  });
});

describe("pacing from meta.rateLimit", () => {
  const limiterFor = (rateLimit: object, option?: object | false) =>
    createApiClient(
      { ...meta, rateLimit } as never,
      { token: "t", env: {}, ...(option !== undefined && { rateLimit: option }) } as never,
    ).limiter;

  it("a documented window paces to it, keyed by the credential", () => {
    const limiter = limiterFor({ window: { limit: 7, windowMs: 1000 } });
    expect(limiter?.rule?.limit).toBe(7);
    expect(limiter?.adaptive).toBe(false);
    expect(limiterFor({ window: { limit: 7, windowMs: 1000 } }, { limit: 3 })?.rule?.limit).toBe(3);
  });

  it("adaptive when the spec says so, and when it documents nothing at all", () => {
    for (const rateLimit of [{ adaptive: true }, {}]) {
      const limiter = limiterFor(rateLimit);
      expect(limiter?.adaptive).toBe(true);
      expect(limiter?.rule).toBeUndefined();
    }
  });

  it("a concurrency cap without a window keeps the cap and learns the rest; rateLimit: false turns pacing off", () => {
    const limiter = limiterFor({ maxConcurrent: 2 });
    expect(limiter?.adaptive).toBe(true);
    expect(limiter?.rule).toBeUndefined();
    expect(limiterFor({ maxConcurrent: 2 }, false)).toBeUndefined();
  });

  it("a half-given window is refused", () => {
    expect(() => limiterFor({ adaptive: true }, { limit: 5 })).toThrow(/rateLimit needs both `limit` and `windowMs`/);
  });
});

describe("requests", () => {
  it("places the Basic token as user and password", async () => {
    const { data } = await client().GET("/projects/{id}", { params: { path: { id: "p1" } } });
    expect(data).toEqual({ id: "p1", name: "One" });
    expect(last().headers.authorization).toBe(`Basic ${btoa("tok_123:tok_123")}`);
  });

  it("exposes the request id on success", async () => {
    const c = client();
    const result = await c.GET("/projects/{id}", { params: { path: { id: "p1" } } });
    expect(c.requestIdOf(result)).toBe("req-200");
  });

  it("maps a 422 to a ValidationError listing the fields, with the request id", async () => {
    const c = client();
    const result = await c.POST("/projects", { body: { name: "" } });
    const error = (() => {
      try {
        c.unwrap(result);
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.requestId).toBe("req-422");
    expect(error?.errors).toEqual([
      { field: "name", message: "The name field is required." },
      { field: "rate", message: "The rate must be a number." },
    ]);
    expect(error?.message).toMatch(/^POST \/projects failed with 422: The name field is required\. \(and 1 more error\)\. Problems: name: The name field is required; rate: The rate must be a number\. Answered by 127\.0\.0\.1:\d+ after 1 attempt\. Fix the request/);
  });

  it("maps an envelope error with throwOnError: code, errorId and the envelope's request id", async () => {
    const thrown = await client({ throwOnError: true }).GET("/projects/{id}", { params: { path: { id: "missing" } } }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(thrown).toMatchObject({ code: "notFound", errorId: "REST-404", requestId: "sup-42", status: 404 });
  });

  it("maps 426 to PlanLimitError", async () => {
    const thrown = await client({ throwOnError: true }).GET("/projects/{id}", { params: { path: { id: "limited" } } }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(PlanLimitError);
    expect((thrown as Error).message).toContain("The account's plan limit was reached");
  });

  it("sends one idempotency key per logical call where the spec declares the header, reused on the retry", async () => {
    const before = server.seen.length;
    const c = client({ retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const { data } = await c.POST("/projects", { body: { name: "flaky" } });
    await c.POST("/projects", { body: { name: "second" } });
    expect(data).toEqual({ id: "new", name: "flaky" });
    const keys = server.seen.slice(before).map((s) => s.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    await c.POST("/projects", { body: { name: "mine" }, headers: { "Idempotency-Key": "caller-key" } });
    expect(last().headers["idempotency-key"]).toBe("caller-key");
    // an operation without the header gets none
    await c.GET("/projects/{id}", { params: { path: { id: "p1" } } });
    expect(last().headers["idempotency-key"]).toBeUndefined();
  });

  it("never shows the credential in an error", async () => {
    const thrown = await client({ throwOnError: true }).GET("/projects/{id}", { params: { path: { id: "missing" } } }).catch((e: unknown) => e);
    expect(JSON.stringify({ ...(thrown as object), message: (thrown as Error).message })).not.toContain(btoa("tok_123:tok_123"));
  });
});

describe("logging", () => {
  it("<PREFIX>_LOG=debug prints one line per attempt without credentials; warn only failures; silent by default", async () => {
    const debug = vi.spyOn(console, "debug").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await client({ env: { ACME_LOG: "debug" } }).GET("/projects/{id}", { params: { path: { id: "p1" } } });
      await client({ env: { ACME_LOG: "debug" } }).GET("/projects/{id}", { params: { path: { id: "missing" } } });
      expect(debug.mock.calls.map((c) => c[0])).toEqual([
        expect.stringMatching(/^\[acme\] GET \/projects\/p1 → 200 \(attempt 1\), queued \d+ ms$/),
        expect.stringMatching(/^\[acme\] GET \/projects\/missing → 404 \(attempt 1\), queued \d+ ms$/),
      ]);
      expect(warn).toHaveBeenCalledTimes(1);
      await client({ logLevel: "warn" }).GET("/projects/{id}", { params: { path: { id: "p1" } } });
      await client().GET("/projects/{id}", { params: { path: { id: "missing" } } });
      expect(debug).toHaveBeenCalledTimes(2);
      expect(warn).toHaveBeenCalledTimes(1);
      const printed = [...debug.mock.calls, ...warn.mock.calls].flat().join("\n");
      expect(printed).not.toContain("tok_123");
      expect(printed).not.toContain(btoa("tok_123:tok_123"));
    } finally {
      debug.mockRestore();
      warn.mockRestore();
    }
  });
});

describe("paginate", () => {
  it("GET links-next: 51 items at 50 per page in 2 requests, filters kept", async () => {
    const before = server.seen.length;
    const items = await client().paginate("/projects", { params: { query: { "filter[is_archived]": true } } }).toArray();
    expect(items).toHaveLength(51);
    const requests = server.seen.slice(before).map((s) => s.url);
    expect(requests).toEqual(["/projects?filter[is_archived]=true&page=1&per_page=50", "/projects?filter[is_archived]=true&page=2&per_page=50"]);
  });

  it("GET page-count with a path parameter: items under the operation's key", async () => {
    const before = server.seen.length;
    const items = await client().paginate("/clients/{client_id}/projects", { params: { path: { client_id: 7 } } }).toArray();
    expect(items.map((p) => p.id)).toEqual(server.state.projects.slice(0, 11).map((p) => p.id));
    expect(server.seen.slice(before).map((s) => s.url)).toEqual(["/clients/7/projects?page=1", "/clients/7/projects?page=2"]);
  });

  it("POST body-start-size: 2 345 records at size 1 000 in exactly 3 requests", async () => {
    const before = server.seen.length;
    const listing = client().paginate("/services/core/query", { body: { object: "projects/project", fields: ["id"] } }, { pageSize: 1000, key: (r) => r.key });
    const records = await listing.toArray();
    expect(records).toHaveLength(2345);
    expect(server.seen.slice(before).map((s) => s.body)).toEqual([
      { object: "projects/project", fields: ["id"], start: 1, size: 1000 },
      { object: "projects/project", fields: ["id"], start: 1001, size: 1000 },
      { object: "projects/project", fields: ["id"], start: 2001, size: 1000 },
    ]);
  });

  it("link-header: follows rel=next with the same credentials, on the same origin only", async () => {
    const before = server.seen.length;
    const repos = await client().paginate("/repos", undefined, { pageSize: 3 }).toArray();
    expect(repos.map((r) => r.full_name)).toEqual(["acme/r1", "acme/r2", "acme/r3", "acme/r4", "acme/r5", "acme/r6", "acme/r7"]);
    const seen = server.seen.slice(before);
    expect(seen.map((s) => s.url)).toEqual(["/repos?per_page=3", "/api/v2/repos?per_page=3&page=2", "/api/v2/repos?per_page=3&page=3"]);
    expect(seen.every((s) => s.headers.authorization === `Basic ${btoa("tok_123:tok_123")}`)).toBe(true);
  });

  it("refuses a next link to another origin", async () => {
    const listing = client().paginate("/repos", { params: { query: { evil: 1 } as never } }, { pageSize: 3 });
    await expect(listing.toArray()).rejects.toThrow(/is not on http:\/\/127\.0\.0\.1:\d+; refusing to send credentials there/);
  });

  it("refuses a path that does not paginate and a page size above the spec's maximum", () => {
    expect(() => (client().paginate as (path: string) => unknown)("/projects/{id}")).toThrow(PaginationError);
    expect(() => client().paginate("/projects", undefined, { pageSize: 51 })).toThrow(/maximum of 50/);
  });

  it("estimates from the reported total", async () => {
    const listing = client().paginate("/projects");
    expect(await listing.estimate()).toMatchObject({ total: 51, pageSize: 50, requests: 2, probeRequests: 1 });
  });
});

describe("bulk", () => {
  it("writes in chunks of the meta's maxItems", async () => {
    const before = server.seen.length;
    const entries = Array.from({ length: 7 }, (_, i) => ({ date: `2026-01-0${i + 1}`, hours: i }));
    const result = await client().bulk.CreatePlans({ params: { path: { id: "p1" } } }, entries);
    expect(result).toMatchObject({ ok: true, written: 7 });
    expect(result.done.map((d) => d.result)).toEqual([{ created: 3 }, { created: 3 }, { created: 1 }]);
    expect(server.seen.slice(before).map((s) => (s.body as unknown[]).length)).toEqual([3, 3, 1]);
  });
});
