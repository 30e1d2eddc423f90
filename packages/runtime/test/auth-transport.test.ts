// The transport's auth hook against a real server: credentials reach the wire on every attempt,
// a 401 renews them once and retries once (never a loop), and no secret leaks into errors or events.
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type AttemptEvent,
  type Auth,
  AuthenticationError,
  createAuth,
  createTransport,
  type TransportOptions,
  unwrap,
} from "../src/index.js";
import { type FaultServer, startFaultServer } from "./support/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

const fast: TransportOptions = { rateLimit: false, retry: { maxRetries: 2, baseDelayMs: 2, maxDelayMs: 5 } };

function client(auth: Auth, opts: TransportOptions = {}) {
  const t = createTransport({ ...fast, auth, ...opts });
  const c = createClient<any>({ baseUrl: server.url, fetch: t.fetch });
  c.use(t.middleware);
  return c;
}

/** An Auth whose token changes on each refresh; counts calls. */
function rotatingAuth(canRefresh = true) {
  let n = 1;
  const calls = { authorize: 0, refresh: 0 };
  const auth: Auth = {
    scheme: "test",
    redactHeaders: ["x-token"],
    authorize(req) {
      calls.authorize++;
      const h = new Headers(req.headers);
      h.set("x-token", `tok-secret-${n}`);
      return new Request(req, { headers: h });
    },
    async refresh() {
      calls.refresh++;
      if (!canRefresh) return false;
      n++;
      return true;
    },
    secrets: () => [`tok-secret-${n}`],
  };
  return { auth, calls };
}

describe("transport auth hook", () => {
  it("signs every attempt, retries included", async () => {
    server.script("GET", "/things", [{ status: 503 }]);
    const r = await client(createAuth([{ type: "bearer", env: "X" }], { apiKey: "pat-abcdef" })).GET("/things", {});
    expect(r.response.status).toBe(200);
    expect(server.log.map((e) => e.headers.authorization)).toEqual(["Bearer pat-abcdef", "Bearer pat-abcdef"]);
  });

  it("a 401 renews the credential once and retries once with the new one, body intact", async () => {
    server.script("POST", "/things", [{ status: 401 }]);
    const { auth, calls } = rotatingAuth();
    const r = await client(auth).POST("/things", { body: { name: "a" } });
    expect(r.response.status).toBe(201);
    expect(calls.refresh).toBe(1);
    expect(server.log.map((e) => [e.headers["x-token"], e.body])).toEqual([
      ["tok-secret-1", '{"name":"a"}'],
      ["tok-secret-2", '{"name":"a"}'],
    ]);
  });

  it("a second 401 is final: no loop, the AuthenticationError carries no secret", async () => {
    server.script("GET", "/things", [
      { status: 401, body: { message: "token tok-secret-1 revoked" } },
      { status: 401, body: { message: "token tok-secret-2 revoked" } },
      { status: 401 },
    ]);
    const { auth, calls } = rotatingAuth();
    const events: AttemptEvent[] = [];
    const r = await client(auth, { onAttempt: (e) => events.push(e) }).GET("/things", {});
    expect(server.count("GET", "/things")).toBe(2);
    expect(calls.refresh).toBe(1);
    expect(events.map((e) => e.reason)).toEqual(["401: credentials renewed, retrying once", "status 401 is final"]);
    let err: unknown;
    try {
      unwrap(r);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify({ m: (err as Error).message, ...(err as object) })).not.toContain("tok-secret");
    expect((err as Error).message).toContain("[redacted]");
  });

  it("refresh saying no retry: the 401 stands after one attempt", async () => {
    server.script("GET", "/things", [{ status: 401 }]);
    const { auth, calls } = rotatingAuth(false);
    const r = await client(auth).GET("/things", {});
    expect(r.response.status).toBe(401);
    expect([server.count("GET", "/things"), calls.refresh]).toEqual([1, 1]);
  });

  it("a failing refresh rejects the call with its error", async () => {
    server.script("GET", "/things", [{ status: 401 }]);
    const auth: Auth = { ...rotatingAuth().auth, refresh: () => Promise.reject(new AuthenticationError({ status: 0, headers: {}, body: undefined, method: "POST", path: "/token" })) };
    await expect(client(auth).GET("/things", {})).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("a failing authorize rejects the call and gives the limiter slot back", async () => {
    const auth: Auth = { ...rotatingAuth().auth, authorize: () => Promise.reject(new Error("no token")) };
    const t = createTransport({ ...fast, auth, rateLimit: { limit: 100, windowMs: 1000, maxConcurrent: 1 } });
    await expect(t.fetch(`${server.url}/things`)).rejects.toThrow("no token");
    expect(t.limiter!.inFlight).toBe(0);
    expect(server.log).toHaveLength(0);
  });

  it("signs a copy of a Request the caller built, never the caller's own object", async () => {
    const t = createTransport({ ...fast, auth: createAuth([{ type: "apiKey", in: "header", name: "X-Api-Key", env: "X" }], { apiKey: "key-abcdef" }) });
    const mine = new Request(`${server.url}/things`);
    const r = await t.fetch(mine);
    expect(r.status).toBe(200);
    expect(server.log.map((e) => e.headers["x-api-key"])).toEqual(["key-abcdef"]);
    expect(mine.headers.has("x-api-key")).toBe(false);
  });

  it("the api key in a query string never shows up in the error", async () => {
    server.script("GET", "/things", [{ status: 403, body: { message: "key qk-SECRET-99 lacks scope" } }]);
    const auth = createAuth([{ type: "apiKey", in: "query", name: "key", env: "X" }], { apiKey: "qk-SECRET-99" });
    const r = await client(auth, { throwOnError: true }).GET("/things", {}).catch((e: unknown) => e);
    expect(JSON.stringify({ m: (r as Error).message, ...(r as object) })).not.toContain("qk-SECRET-99");
  });
});
