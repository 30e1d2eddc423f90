// paginate() against a stateful local Clientary: `page` until page_count, each listing's items under
// its own resource-named key, the vendor's default page size per resource (page_size only where
// documented: contacts, at most 100), and inserts during a listing losing nothing.
import { makeItems, startJsonServer, type JsonServer } from "@apiforge/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createClientaryClient, meta } from "../src/index.js";

type Item = { id: number; name: string };

// the vendor's default page sizes (spec/clientary/NOTES.md §3), kept here apart from the generated meta
const DEFAULT_SIZE: Record<string, number> = { "/clients": 10, "/clients/7/projects": 10, "/leads": 20, "/projects": 20, "/estimates": 30, "/invoices": 30, "/recurring": 30, "/tasks": 50 };

let server: JsonServer | undefined;
afterEach(() => server?.close());

/** A Clientary-shaped listing over `items`: the key is the path's last segment, as on the vendor's pages. */
async function clientary(items: Item[], onPage?: (page: number) => void) {
  server = await startJsonServer(({ url }) => {
    const key = url.pathname.split("/").at(-1) ?? "";
    const page = Number(url.searchParams.get("page") ?? 1);
    const size = Number(url.searchParams.get("page_size") ?? DEFAULT_SIZE[url.pathname] ?? 10);
    const body = { page_count: Math.ceil(items.length / size), page_size: size, total_count: items.length, [key]: items.slice((page - 1) * size, page * size) };
    onPage?.(page);
    return { body };
  });
  return createClientaryClient({ baseUrl: server.url, token: "t", env: {} });
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

const ids = (items: { id: number }[]) => items.map((i) => i.id);

describe("Clientary paginate()", () => {
  describe.each([
    ["/clients", 10],
    ["/leads", 20],
    ["/projects", 20],
    ["/estimates", 30],
    ["/tasks", 50],
  ] as const)("%s (default page size %i)", (path, size) => {
    it.each([0, 1, 10, 11, 61])("%i items: each once, in order, ceil(n / size) requests, no page_size sent", async (n) => {
      const items = makeItems(n);
      const client = await clientary(items);
      // a union of paths types each item as the union of their item types; ids are all we compare
      expect(ids((await all(client.paginate(path))) as Item[])).toEqual(ids(items));
      expect(server?.requests.map((r) => r.url.search)).toEqual(Array.from({ length: Math.max(1, Math.ceil(n / size)) }, (_, i) => `?page=${i + 1}`));
    });
  });

  it("a client's projects: path parameters kept on every page", async () => {
    const client = await clientary(makeItems(11));
    const projects = await all(client.paginate("/clients/{client_id}/projects", { params: { path: { client_id: 7 } } }));
    expect(projects).toHaveLength(11);
    expect(server?.requests.map((r) => `${r.url.pathname}${r.url.search}`)).toEqual(["/clients/7/projects?page=1", "/clients/7/projects?page=2"]);
  });

  it.each([0, 1, 10, 11, 61, 101])("contacts, %i items: page_size=100 (the documented maximum)", async (n) => {
    const client = await clientary(makeItems(n));
    expect(await all(client.paginate("/contacts"))).toHaveLength(n);
    expect(server?.requests.map((r) => r.url.search)).toEqual(Array.from({ length: Math.max(1, Math.ceil(n / 100)) }, (_, i) => `?page=${i + 1}&page_size=100`));
  });

  it("every paged listing reads its items under its own key from the generated meta", async () => {
    const paged = Object.values(meta.operations).filter((op) => "pagination" in op);
    expect(paged.length).toBeGreaterThanOrEqual(18);
    const items = makeItems(3);
    await clientary(items);
    for (const op of paged) {
      const client = createClientaryClient({ baseUrl: server?.url, token: "t", env: {} });
      const path = op.path.replace(/\{[^}]+\}/g, "7");
      const paginate = client.paginate as (p: string, init?: object) => AsyncIterable<Item>;
      const init = { params: { path: Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], 7])) } };
      expect(ids(await all(paginate(op.path, init))), `${op.path} (items under "${path.split("/").at(-1)}")`).toEqual([1, 2, 3]);
    }
  });

  it("inserts at the head during a listing: no duplicates, none of the original items lost", async () => {
    const items = makeItems(61);
    let next = 1000;
    // two new records arrive before each later page: every item shifts two places down
    const client = await clientary(items, (page) => {
      if (page >= 1) items.unshift({ id: next++, name: "new" }, { id: next++, name: "new" });
    });
    const seen = ids(await all(client.paginate("/clients")));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => id <= 61).sort((a, b) => a - b)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
  });
});
