// One 429 pauses the whole client: calls queued behind it reach the server only after
// Retry-After has passed. Times are the server's own receive times.
import createClient from "openapi-fetch";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTransport } from "../src/index.js";
import { parseRetryAfter } from "../src/retry.js";
import { type FaultServer, startFaultServer } from "./support/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

// Node timers and Date.now tick on different clocks; a timer may look up to 1 ms early
const CLOCK_SLACK_MS = 1;

it.each(["seconds", "date"] as const)("a 429 with Retry-After in %s holds every queued call until it has passed", async (format) => {
  server.script("GET", "/first", [{ status: 429, retryAfter: format, retryAfterSeconds: 1 }]);
  const t = createTransport({ rateLimit: { limit: 1, windowMs: 100, safetyMarginMs: 0 }, retry: { maxRetries: 2 }, random: () => 0 });
  const client = createClient<any>({ baseUrl: server.url, fetch: t.fetch });
  const first = client.GET("/first", {});
  // queued behind the budget: without the pause they would go 100 ms apart
  const others = Array.from({ length: 5 }, (_, i) => client.GET(`/other/${i}` as "/other", {}));
  const results = await Promise.all([first, ...others]);
  expect(results.map((r) => r.response.status)).toEqual([200, 200, 200, 200, 200, 200]);

  const rejected = server.log.find((e) => e.status === 429)!;
  const retryAfter = format === "seconds" ? "1" : new Date(Math.ceil((rejected.at + 1000) / 1000) * 1000).toUTCString();
  const resumeAt = rejected.at + parseRetryAfter(retryAfter, rejected.at)!;
  const after = server.log.filter((e) => e !== rejected);
  expect(after).toHaveLength(6);
  for (const e of after) expect(e.at).toBeGreaterThanOrEqual(resumeAt - CLOCK_SLACK_MS);
  expect(server.count("GET", "/first")).toBe(2);
});

it("without a limiter, the 429'd call itself still waits Retry-After before its retry", async () => {
  server.script("POST", "/x", [{ status: 429, retryAfter: "seconds", retryAfterSeconds: 1 }]);
  const t = createTransport({ rateLimit: false, random: () => 0 });
  const r = await t.fetch(`${server.url}/x`, { method: "POST", body: "{}" });
  expect(r.status).toBe(201);
  const [a, b] = server.log;
  expect(b!.at - a!.at).toBeGreaterThanOrEqual(1000 - CLOCK_SLACK_MS);
});
