// client.query() against a stateful query service: start/size in the body, `ia::meta.next`
// followed until 0 or null, checkpoint/resume, maxItems.
import { afterEach, describe, expect, it } from "vitest";
import { createSageIntacctClient, type QueryRequest } from "../src/index.js";
import { type QueryServer, startQueryServer } from "./support/query-server.js";

let server: QueryServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const request: QueryRequest = { object: "projects/project-resource", fields: ["key", "id"], orderBy: [{ id: "asc" }] };
const client = (url: string) => createSageIntacctClient({ baseUrl: url, accessToken: "test-token", rateLimit: false });

describe("client.query", () => {
  it.each([0, null] as const)("2 345 records at size 1 000: exactly 3 requests, every record once (end marked by next: %s)", async (end) => {
    server = await startQueryServer({ total: 2345, end });
    const ids: unknown[] = [];
    for await (const record of client(server.url).query(request, { size: 1000 })) ids.push(record.id);
    expect(ids).toHaveLength(2345);
    expect(new Set(ids).size).toBe(2345);
    expect(ids.at(-1)).toBe("PR-2345");
    expect(server.requests.map((r) => [r.start, r.size])).toEqual([[1, 1000], [1001, 1000], [2001, 1000]]);
    // the query itself is posted unchanged with every page
    expect(server.requests.every((r) => r.object === "projects/project-resource" && r.fields?.join() === "key,id")).toBe(true);
  });

  it("size defaults to Sage's cap of 4 000 from the spec", async () => {
    server = await startQueryServer({ total: 10, end: null });
    expect(await client(server.url).query(request).toArray()).toHaveLength(10);
    expect(server.requests).toEqual([expect.objectContaining({ start: 1, size: 4000 })]);
  });

  it("resumes from a checkpoint: the next request starts where the interrupted listing stopped", async () => {
    server = await startQueryServer({ total: 2345, end: 0 });
    const first = client(server.url).query(request, { size: 1000 });
    const pages = first.pages();
    await pages.next();
    const checkpoint = first.checkpoint;
    await pages.return?.(undefined);
    const rest: unknown[] = [];
    for await (const record of client(server.url).query(request, { size: 1000, resumeFrom: checkpoint })) rest.push(record.id);
    expect(rest).toHaveLength(1345);
    expect(rest[0]).toBe("PR-1001");
    expect(server.requests.map((r) => r.start)).toEqual([1, 1001, 2001]);
  });

  it("maxItems stops without asking for a page past it", async () => {
    server = await startQueryServer({ total: 2345, end: 0 });
    const got = await client(server.url).query(request, { maxItems: 1500, size: 1000 }).toArray();
    expect(got).toHaveLength(1500);
    expect(server.requests).toHaveLength(2);
  });
});
