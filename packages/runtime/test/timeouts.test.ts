// Timeouts, deadlines and aborts: a timeout is a TimeoutError, a caller's abort an AbortError.
import { createServer as createNetServer, type AddressInfo, type Socket } from "node:net";
import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AbortError, createTransport, InternalServerError, TimeoutError, type TransportOptions } from "../src/index.js";
import { type FaultServer, startFaultServer } from "./support/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

function client(opts: TransportOptions = {}) {
  const t = createTransport({ rateLimit: false, retry: { maxRetries: 2, baseDelayMs: 2, maxDelayMs: 5 }, ...opts });
  return createClient<any>({ baseUrl: server.url, fetch: t.fetch });
}

describe("timeouts", () => {
  it("a slow GET times out per attempt, is retried, and succeeds", async () => {
    server.script("GET", "/slow", [{ delayMs: 2000 }]);
    const r = await client({ timeoutMs: 150 }).GET("/slow", {});
    expect(r.response.status).toBe(200);
    expect(server.count("GET", "/slow")).toBe(2);
  });

  it("a slow POST times out once and rejects with TimeoutError, not retried", async () => {
    server.script("POST", "/slow", [{ delayMs: 2000 }]);
    const err = await client({ timeoutMs: 150 }).POST("/slow", { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).not.toBeInstanceOf(AbortError);
    expect((err as Error).message).toContain("POST /slow timed out: the per-attempt timeout of 150 ms passed");
    expect(server.count("POST", "/slow")).toBe(1);
  });

  it("a stalled body surfaces as TimeoutError while reading it", async () => {
    server.script("POST", "/stall", [{ stallBody: true }]);
    await expect(client({ timeoutMs: 200 }).POST("/stall", { body: {} })).rejects.toBeInstanceOf(TimeoutError);
  });

  it("the deadline bounds all attempts", async () => {
    server.script("GET", "/flaky", Array(50).fill({ status: 503 }));
    const c = client({ timeoutMs: 0, deadlineMs: 300, retry: { maxRetries: 100, baseDelayMs: 40, maxDelayMs: 40 }, random: () => 0.99, throwOnError: true });
    const err = await c.GET("/flaky", {}).catch((e: unknown) => e);
    // either the last 503 (no time left for another try) or the deadline firing mid-attempt
    expect(err instanceof InternalServerError || err instanceof TimeoutError).toBe(true);
    // every retry waits ≥ 39 ms, so 300 ms leave room for at most 8 attempts
    expect(server.count("GET", "/flaky")).toBeLessThanOrEqual(8);
  });

  it("the deadline fires during a stalled attempt as TimeoutError", async () => {
    server.script("GET", "/slow", [{ delayMs: 3000 }]);
    const err = await client({ timeoutMs: 0, deadlineMs: 200 }).GET("/slow", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toContain("the call deadline of 200 ms");
  });
});

describe("aborts", () => {
  it("a caller abort during the request is AbortError with the reason as cause, never retried", async () => {
    server.script("GET", "/slow", [{ delayMs: 3000 }]);
    const ac = new AbortController();
    const p = client().GET("/slow", { signal: ac.signal });
    setTimeout(() => ac.abort(new Error("user cancelled")), 50);
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(err).not.toBeInstanceOf(TimeoutError);
    expect((err as Error).cause).toEqual(new Error("user cancelled"));
    expect(server.count("GET", "/slow")).toBe(1);
  });

  it("a caller's AbortSignal.timeout is still the caller's abort (AbortError)", async () => {
    server.script("GET", "/slow", [{ delayMs: 3000 }]);
    const err = await client().GET("/slow", { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbortError);
    expect(((err as Error).cause as Error).name).toBe("TimeoutError");
  });

  it("an abort while queued in the limiter never reaches the server", async () => {
    const c = client({ rateLimit: { limit: 1, windowMs: 60_000 } });
    await c.GET("/first", {});
    const ac = new AbortController();
    const p = c.GET("/queued", { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(server.count("GET", "/queued")).toBe(0);
  });

  it("an abort during backoff stops the retries", async () => {
    server.script("GET", "/flaky", [{ status: 503 }, { status: 503 }]);
    const ac = new AbortController();
    const c = client({ retry: { maxRetries: 5, baseDelayMs: 5000, maxDelayMs: 5000 }, random: () => 0.99 });
    const p = c.GET("/flaky", { signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    await expect(p).rejects.toBeInstanceOf(AbortError);
    expect(server.count("GET", "/flaky")).toBe(1);
  });
});

describe("a black-holed host (accepts the connection, never answers)", () => {
  let hole: { url: string; connections: number; onConnection?: (n: number) => void; close(): Promise<void> };
  beforeEach(async () => {
    const sockets = new Set<Socket>();
    const srv = createNetServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => undefined);
      hole.connections++;
      hole.onConnection?.(hole.connections);
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    hole = {
      url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
      connections: 0,
      close: () => {
        for (const s of sockets) s.destroy();
        return new Promise<void>((r) => srv.close(() => r()));
      },
    };
  });
  afterEach(() => hole.close());

  const against = (opts: TransportOptions) => {
    const t = createTransport({ rateLimit: false, retry: { maxRetries: 2, baseDelayMs: 2, maxDelayMs: 5 }, ...opts });
    return createClient<any>({ baseUrl: hole.url, fetch: t.fetch });
  };

  it("fails at a configured deadline, naming the host and the attempts", async () => {
    const err = await against({ deadlineMs: 300 }).GET("/orders", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/^GET \/orders timed out: the call deadline of 300 ms passed\. Sent to 127\.0\.0\.1:\d+; gave up after 1 attempt\.$/);
  });

  it("with no deadline given, the default 30 s deadline (counted from the first send) cuts the attempts short", async () => {
    // a clock that jumps: 29.9 s have passed once the first attempt is sent, 30 s at the second
    let now = 1_000_000;
    hole.onConnection = (n) => {
      now = 1_000_000 + (n === 1 ? 29_900 : 30_000);
    };
    const err = await against({ timeoutMs: 200, clock: () => now }).GET("/orders", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as Error).message).toMatch(/^GET \/orders timed out: the default call deadline of 30000 ms passed\. Sent to 127\.0\.0\.1:\d+; gave up after 2 attempts\.$/);
  });

  it("deadlineMs: 0 turns the deadline off, leaving the per-attempt timeout", async () => {
    const err = await against({ deadlineMs: 0, timeoutMs: 50, retry: false }).GET("/orders", {}).catch((e: unknown) => e);
    expect((err as Error).message).toContain("the per-attempt timeout of 50 ms passed");
  });
});
