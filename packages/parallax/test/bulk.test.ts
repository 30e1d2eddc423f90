// client.bulk.CreateProjectOfferingRolePlans(): chunked planned-time writes through the SDK,
// with an injected fetch that records every request.
import { ChunkError, ValidationError } from "@apiforge/runtime";
import { describe, expect, it } from "vitest";
import { type AttemptEvent, createParallaxClient, meta, type ParallaxClientOptions } from "../src/index.js";

const params = { params: { path: { project_id: "p1", project_offering_id: "o1", id: "r1" } } };
const day = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
const plans = (n: number) => Array.from({ length: n }, (_, i) => ({ plan_date: day(i), hours: (i % 8) + 0.5 }));

function recordingClient(failOnRequest?: number, extra: Partial<ParallaxClientOptions> = {}) {
  const bodies: { plan_date: string; hours: number }[][] = [];
  const urls: string[] = [];
  const fetch: typeof globalThis.fetch = async (info, init) => {
    const input = new Request(info, init);
    urls.push(`${input.method} ${new URL(input.url).pathname}`);
    const body = (await input.json()) as { plan_date: string; hours: number }[];
    bodies.push(body);
    if (bodies.length === failOnRequest) {
      const problem = { type: "about:blank", title: "One or more validation errors occurred.", status: 400, errors: ["hours must be ≤ 24"] };
      return new Response(JSON.stringify(problem), { status: 400, headers: { "content-type": "application/problem+json" } });
    }
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
  const client = createParallaxClient({ apiKey: "pat_test", baseUrl: "http://127.0.0.1:9", rateLimit: false, fetch, ...extra });
  return { client, bodies, urls };
}

describe("bulk planned time", () => {
  it("takes maxItems from the spec", () => {
    expect(meta.operations.CreateProjectOfferingRolePlans.bulk.maxItems).toBe(100);
  });

  it.each([
    [1, 1],
    [100, 1],
    [101, 2],
    [1000, 10],
  ])("%i entries → %i request(s), in order, none over 100", async (n, requests) => {
    const { client, bodies, urls } = recordingClient();
    const entries = plans(n);
    const result = await client.bulk.CreateProjectOfferingRolePlans(params, entries);
    expect(result.ok).toBe(true);
    expect(bodies).toHaveLength(requests);
    expect(bodies.every((b) => b.length <= 100)).toBe(true);
    expect(bodies.flat()).toEqual(entries);
    expect(new Set(urls)).toEqual(new Set(["POST /v1/projects/p1/offerings/o1/roles/r1/planned-time"]));
    expect(result.done.map((d) => d.result)).toEqual(bodies);
  });

  it("a failure on chunk 3 of 10 returns chunks 1–2 as done and the remainder to resume with", async () => {
    const { client, bodies } = recordingClient(3);
    const entries = plans(1000);
    const result = await client.bulk.CreateProjectOfferingRolePlans(params, entries);
    expect(bodies).toHaveLength(3);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.done.map((d) => d.index)).toEqual([0, 1]);
    expect(result.written).toBe(200);
    expect(result.failedChunk).toBe(2);
    expect(result.remaining).toEqual(entries.slice(200));
    expect(result.error).toBeInstanceOf(ValidationError);

    const retry = recordingClient();
    const resumed = await retry.client.bulk.CreateProjectOfferingRolePlans(params, result.remaining);
    expect(resumed.ok).toBe(true);
    expect([...bodies.slice(0, 2), ...retry.bodies].flat()).toEqual(entries);
  });

  it("a smaller chunkSize is honoured; one above the spec's maxItems is refused", async () => {
    const { client, bodies } = recordingClient();
    await client.bulk.CreateProjectOfferingRolePlans(params, plans(10), { chunkSize: 4 });
    expect(bodies.map((b) => b.length)).toEqual([4, 4, 2]);
    await expect(client.bulk.CreateProjectOfferingRolePlans(params, plans(10), { chunkSize: 101 })).rejects.toBeInstanceOf(ChunkError);
    expect(bodies).toHaveLength(3);
  });

  it("sends the chunks one at a time through the client's rate limiter", async () => {
    const attempts: AttemptEvent[] = [];
    // 3 requests per 300 ms: the 4th chunk has to queue in the limiter until the window rolls
    const { client, bodies } = recordingClient(undefined, {
      rateLimit: { limit: 3, windowMs: 300 },
      logger: { debug: (_, event) => attempts.push(event) },
    });
    const result = await client.bulk.CreateProjectOfferingRolePlans(params, plans(400));
    expect(result.ok).toBe(true);
    expect(bodies).toHaveLength(4);
    expect(attempts.map((a) => a.operation)).toEqual(Array(4).fill("/v1/projects/{project_id}/offerings/{project_offering_id}/roles/{id}/planned-time"));
    expect(attempts[3]!.waitedMs).toBeGreaterThan(0);
  });
});
