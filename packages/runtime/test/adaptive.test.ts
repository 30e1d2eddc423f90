// The adaptive limiter and the concurrency cap against local servers whose limits the client is not
// told: what the server counted is the proof (429s and 503s it had to send, requests it received).
import { afterEach, describe, expect, it } from "vitest";
import { createTransport, type TransportOptions } from "../src/index.js";
import { startWindowServer, type WindowServer, type WindowServerOptions } from "./support/window-server.js";

let server: WindowServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(serverOpts: WindowServerOptions, transport: TransportOptions, n: number, method = "GET") {
  server = await startWindowServer(serverOpts);
  const t = createTransport({ retry: { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 }, ...transport });
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await t.fetch(`${server.url}/items`, { method })).status);
  return { statuses, stats: server.stats(), limiter: t.limiter };
}

const WINDOW = { limit: 10, windowMs: 300 };

describe("adaptive limiter against an undisclosed fixed window", () => {
  it("with X-RateLimit-* on every response: paces before the limit and gets no 429", async () => {
    const { statuses, stats, limiter } = await run({ ...WINDOW, headers: "all" }, { rateLimit: { adaptive: true } }, 45);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(stats.rejected).toBe(0);
    expect(limiter!.budget()).toMatchObject({ limit: 10 });
  });

  it("the same server does refuse a naive loop (the test can fail)", async () => {
    const { stats } = await run({ ...WINDOW, headers: "all" }, { rateLimit: false, retry: false }, 30);
    expect(stats.rejected).toBeGreaterThan(0);
  });

  it("without budget headers: learns the window from at most two 429s, then stays under it", async () => {
    const { statuses, stats, limiter } = await run({ ...WINDOW, headers: "none" }, { rateLimit: { adaptive: true } }, 60);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(stats.rejected).toBeLessThanOrEqual(2);
    // the window may still be the first 429's guess (a lower bound) when no second 429 came to correct it
    expect(limiter!.rule?.limit).toBe(10);
  });

  it("POSTs refused with 429 are sent again (the server did nothing), and each is accepted once", async () => {
    const { statuses, stats } = await run({ ...WINDOW, headers: "none" }, { rateLimit: { adaptive: true } }, 25, "POST");
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(stats.accepted).toBe(25);
  });
});

describe("concurrency cap (an API limited to 2 requests at once, throttling with 503 + X-IA-*-RetryAfter)", () => {
  const sage: WindowServerOptions = { limit: 10_000, windowMs: 1000, maxConcurrent: 2, latencyMs: 15, retryAfterHeader: "x-ia-concurrency-retryafter" };
  const burst = async (transport: TransportOptions, method: string, n = 20) => {
    server = await startWindowServer(sage);
    const t = createTransport({ retry: { maxRetries: 5, baseDelayMs: 1, maxDelayMs: 2 }, ...transport });
    const statuses = await Promise.all(Array.from({ length: n }, () => t.fetch(`${server!.url}/x`, { method }).then((r) => r.status)));
    return { statuses, stats: server.stats() };
  };

  it("maxConcurrent: 2 keeps the server within its cap: no 503 at all", async () => {
    const { statuses, stats } = await burst({ rateLimit: { maxConcurrent: 2 } }, "GET");
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect([stats.overConcurrency, stats.maxInFlight]).toEqual([0, 2]);
  });

  it("without the cap, a GET refused with the vendor's delay header waits it out and succeeds", async () => {
    const events: number[] = [];
    const started = Date.now();
    const { statuses, stats } = await burst(
      { rateLimit: { adaptive: true, retryAfterHeaders: ["X-IA-*-RetryAfter"] }, onAttempt: (e) => e.retryAfterMs !== undefined && events.push(e.retryAfterMs) },
      "GET",
      3,
    );
    expect(stats.overConcurrency).toBe(1);
    expect(events).toEqual([50]);
    expect(statuses).toEqual([200, 200, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it("without the cap, a POST refused with 503 is never sent twice", async () => {
    const { statuses, stats } = await burst({ rateLimit: { adaptive: true, retryAfterHeaders: ["X-IA-*-RetryAfter"] } }, "POST");
    expect(stats.overConcurrency).toBeGreaterThan(0);
    expect(stats.byMethod.POST).toBe(20);
    expect(statuses.filter((s) => s === 503)).toHaveLength(stats.overConcurrency);
  });
});
