// paginate() against a stateful local Laravel-style server: `{ data, links, meta }`, 50 per page,
// more pages while `links.next` is set; no request after the last page, inserts losing nothing.
import { type JsonServer, makeItems, startJsonServer } from "@apiforge/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createStrawblondClient, meta } from "../src/index.js";

type Item = { id: string; name: string };
const PER_PAGE = 50; // the docs' fixed page size

let server: JsonServer | undefined;
afterEach(() => server?.close());

const id = (i: number) => `id${String(i).padStart(8, "0")}`; // ids are 10-character strings

/** A Laravel paginator over `items`, as StrawBlond answers every listing. */
async function strawblond(items: Item[], afterPage?: (page: number) => void) {
  server = await startJsonServer(({ url }) => {
    const page = Number(url.searchParams.get("page") ?? 1);
    const lastPage = Math.max(1, Math.ceil(items.length / PER_PAGE));
    const data = items.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    const link = (n: number) => `${server?.url}${url.pathname}?page=${n}`;
    const body = {
      data,
      links: { first: link(1), last: link(lastPage), prev: page > 1 ? link(page - 1) : null, next: page < lastPage ? link(page + 1) : null },
      meta: { current_page: page, from: data.length ? (page - 1) * PER_PAGE + 1 : null, last_page: lastPage, path: `${server?.url}${url.pathname}`, per_page: PER_PAGE, to: data.length ? (page - 1) * PER_PAGE + data.length : null, total: items.length },
    };
    afterPage?.(page);
    return { body };
  });
  return createStrawblondClient({ baseUrl: server.url, apiKey: "key", env: {} });
}

describe("StrawBlond paginate()", () => {
  it.each([
    [0, 1],
    [1, 1],
    [50, 1],
    [51, 2],
    [1234, 25],
  ])("%i projects: each once, in order, in %i requests (none after the last page)", async (n, requests) => {
    const items = makeItems(n, id);
    const blond = await strawblond(items);
    const projects = await blond.paginate("/project").toArray();
    expect(projects.map((p) => p.id)).toEqual(items.map((i) => i.id));
    expect(server?.requests.map((r) => r.url.search)).toEqual(Array.from({ length: requests }, (_, i) => `?page=${i + 1}`));
  });

  it("keeps filters, sorts and includes on every page", async () => {
    const blond = await strawblond(makeItems(51, id));
    await blond.paginate("/project", { params: { query: { filter: { is_archived: true }, include: ["company.media", "owner.user"], sort: "-created_at" } } }).toArray();
    expect(server?.requests.map((r) => decodeURIComponent(r.url.search))).toEqual([
      "?filter[is_archived]=true&include=company.media,owner.user&sort=-created_at&page=1",
      "?filter[is_archived]=true&include=company.media,owner.user&sort=-created_at&page=2",
    ]);
  });

  it("every list operation of the meta follows links.next (51 items → 2 requests each)", async () => {
    const paged = Object.values(meta.operations).filter((op) => "pagination" in op);
    expect(paged.length).toBeGreaterThanOrEqual(12);
    const blond = await strawblond(makeItems(51, id));
    for (const op of paged) {
      const before = server?.requests.length ?? 0;
      const paginate = blond.paginate as (path: string, init?: object) => { toArray(): Promise<Item[]> };
      const path = Object.fromEntries([...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => [m[1], "PQYLdqm4wR"]));
      expect(await paginate(op.path, { params: { path } }).toArray(), op.path).toHaveLength(51);
      const url = op.path.replace(/\{[^}]+\}/g, "PQYLdqm4wR");
      expect(server?.requests.slice(before).map((r) => `${r.url.pathname}${r.url.search}`), op.path).toEqual([`${url}?page=1`, `${url}?page=2`]);
    }
  });

  it("inserts at the head during a listing: no duplicates, none of the original items lost, no empty request", async () => {
    const items = makeItems(1234, id);
    let next = 0;
    // three new records before each later page: the pages shift, the paginator drops what it saw
    const blond = await strawblond(items, () => items.unshift(...makeItems(3, (i) => `new${String(next++ * 3 + i).padStart(7, "0")}`)));
    const seen = (await blond.paginate("/project").toArray()).map((p) => p.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((s) => s.startsWith("id")).sort()).toEqual(makeItems(1234, id).map((i) => i.id));
    const last = server?.requests.at(-1);
    expect(last && Number(last.url.searchParams.get("page"))).toBeLessThanOrEqual(Math.ceil(items.length / PER_PAGE));
  });
});
