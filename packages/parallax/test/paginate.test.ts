// client.paginate() end to end over HTTP: the SDK against a small stateful list server.
import { AbortError } from "@apiforge/runtime";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createParallaxClient, type PaginationCheckpoint, type ParallaxLogger } from "../src/index.js";
import { type ListItem, type ListServer, makeItems, startListServer } from "./support/list-server.js";

let server: ListServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(n: number, logger?: ParallaxLogger) {
  server = await startListServer(makeItems(n));
  const client = createParallaxClient({ apiKey: "pat_test", baseUrl: server.url, rateLimit: false, ...(logger && { logger }) });
  return { server, client };
}

describe("client.paginate over a stateful list server", () => {
  it.each([
    [0, 1],
    [1, 1],
    [499, 1],
    [500, 1],
    [501, 2],
    [2345, 5],
  ])("%i items take exactly %i request(s) of page_size 500", async (n, requests) => {
    const { server, client } = await setup(n);
    const ids: (string | undefined)[] = [];
    for await (const person of client.paginate("/v1/people")) ids.push(person.id);
    expect(ids).toEqual(makeItems(n).map((i) => i.id));
    expect(server.requests).toHaveLength(requests);
    expect(server.requests.every((r) => r.pageSize === 500 && r.path === "/v1/people" && r.apiKey === "pat_test")).toBe(true);
    expect(server.requests.map((r) => r.page)).toEqual(Array.from({ length: requests }, (_, i) => i + 1));
  });

  it("passes path and filter parameters and pages the operation's own path", async () => {
    const { server, client } = await setup(3);
    const plans = await client
      .paginate("/v1/projects/{project_id}/offerings/{project_offering_id}/roles/{id}/planned-time", {
        params: { path: { project_id: "p1", project_offering_id: "o1", id: "r1" }, query: { start_date: "2025-01-01" } },
      })
      .toArray();
    expect(plans).toHaveLength(3);
    expect(server.requests[0]?.path).toBe("/v1/projects/p1/offerings/o1/roles/r1/planned-time");
  });

  it("resumes from a JSON checkpoint mid-listing at the next page", async () => {
    const { server, client } = await setup(2345);
    const first = client.paginate("/v1/people", undefined, { maxPages: 2 });
    const seen = (await first.toArray()).map((p) => p.id);
    const saved = JSON.stringify(first.checkpoint);

    const resumed = client.paginate("/v1/people", undefined, { resumeFrom: JSON.parse(saved) as PaginationCheckpoint });
    for await (const p of resumed) seen.push(p.id);
    expect(seen).toEqual(makeItems(2345).map((i) => i.id));
    expect(server.requests.map((r) => r.page)).toEqual([1, 2, 3, 4, 5]);
  });

  it("an insert at the front during the listing yields no duplicate and warns once", async () => {
    const warn = vi.fn();
    const { server, client } = await setup(1200, { warn });
    const people = client.paginate("/v1/people");
    const ids: (string | undefined)[] = [];
    for await (const p of people) {
      ids.push(p.id);
      if (ids.length === 1) server.items.unshift({ id: "inserted", name: "Inserted" } satisfies ListItem);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(makeItems(1200).map((i) => i.id));
    expect(people.stats).toMatchObject({ duplicatesDropped: 1, totalChanged: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/total changed from 1200 to 1201/), { kind: "total-changed", previousTotal: 1200, total: 1201 });
  });

  it.each([
    ["maxItems 10", { maxItems: 10 }, 10, 1],
    ["maxItems 500", { maxItems: 500 }, 500, 1],
    ["maxItems 750", { maxItems: 750 }, 750, 2],
    ["maxPages 2", { maxPages: 2 }, 1000, 2],
  ])("%s stops early and makes no further request", async (_, options, items, requests) => {
    const { server, client } = await setup(2345);
    const got = await client.paginate("/v1/people", undefined, options).toArray();
    expect(got).toHaveLength(items);
    expect(server.requests).toHaveLength(requests);
  });

  it("asks for no more than maxItems when it is below the page size", async () => {
    const { server, client } = await setup(2345);
    await client.paginate("/v1/people", undefined, { maxItems: 10 }).toArray();
    expect(server.requests[0]?.pageSize).toBe(10);
  });

  it("abort during a request in flight rejects at once and sends nothing more", async () => {
    const { server, client } = await setup(2345);
    const controller = new AbortController();
    const ids: (string | undefined)[] = [];
    const run = (async () => {
      for await (const p of client.paginate("/v1/people", undefined, { signal: controller.signal })) {
        ids.push(p.id);
        if (ids.length === 500) server.hold();
      }
    })();
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(AbortError);
    server.release();
    expect(ids).toHaveLength(500);
    expect(server.requests).toHaveLength(2);
  });

  it("pages() yields each envelope", async () => {
    const { client } = await setup(1001);
    const totals: [number | undefined, number | undefined, number][] = [];
    for await (const page of client.paginate("/v1/people").pages()) totals.push([page.page.page, page.page.total, page.items.length]);
    expect(totals).toEqual([
      [1, 1001, 500],
      [2, 1001, 500],
      [3, 1001, 1],
    ]);
  });

  it("estimate() reads the total with one small request, then the listing needs ceil(n/500)", async () => {
    server = await startListServer(makeItems(2345));
    const client = createParallaxClient({ apiKey: "pat_test", baseUrl: server.url, rateLimit: { limit: 100, windowMs: 60_000 } });
    const listing = client.paginate("/v1/people");
    expect(await listing.estimate()).toEqual({ total: 2345, pageSize: 500, requests: 5, windowShare: 0.05, minDurationMs: 0, probeRequests: 1 });
    expect(server.requests).toEqual([expect.objectContaining({ page: 1, pageSize: 1 })]);
    await listing.toArray();
    expect(await listing.estimate()).toMatchObject({ requests: 5, probeRequests: 0 });
    expect(server.requests).toHaveLength(6);
  });

  it("rejects a page size above the spec's maximum before any request", async () => {
    const { server, client } = await setup(10);
    expect(() => client.paginate("/v1/people", undefined, { pageSize: 501 })).toThrow(/maximum of 500/);
    expect(server.requests).toHaveLength(0);
  });
});
