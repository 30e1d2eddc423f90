import { describe, expect, it, vi } from "vitest";
import { AbortError } from "../errors.js";
import { PaginationError } from "./errors.js";
import { type Envelope, fakeList, type Row, rows, strategy } from "./fake-list.test-helper.js";
import type { PageNumberRequest } from "./page-number.js";
import { createPaginator } from "./paginator.js";
import type { PaginationCheckpoint, PaginatorOptions } from "./types.js";

type Opts = Partial<PaginatorOptions<PageNumberRequest, Envelope, Row>>;

function listing(n: number, opts: Opts = {}, pageSize = 500) {
  const list = fakeList(rows(n));
  const paginator = createPaginator({ strategy, fetchPage: list.fetchPage, first: strategy.first(pageSize), key: (r) => r.id, ...opts });
  return { list, paginator };
}

describe("createPaginator over a page-number envelope", () => {
  it.each([
    [0, 1],
    [1, 1],
    [499, 1],
    [500, 1],
    [501, 2],
    [2345, 5],
  ])("lists %i items in order with exactly %i request(s)", async (n, requests) => {
    const { list, paginator } = listing(n);
    const items = await paginator.toArray();
    expect(items).toEqual(rows(n));
    expect(list.state.requests).toHaveLength(requests);
    expect(list.state.requests.map((r) => r.page)).toEqual(Array.from({ length: requests }, (_, i) => i + 1));
    expect(paginator.stats).toMatchObject({ requests, items: n, duplicatesDropped: 0, total: n, totalChanged: false });
    expect(paginator.checkpoint.next).toBeNull();
  });

  it("does not fetch before it is iterated", () => {
    const { list } = listing(10);
    expect(list.state.requests).toHaveLength(0);
  });

  it("stops at maxItems without a further request, even on a page boundary", async () => {
    const a = listing(2345, { maxItems: 500 });
    expect(await a.paginator.toArray()).toHaveLength(500);
    expect(a.list.state.requests).toHaveLength(1);

    const b = listing(2345, { maxItems: 501 });
    expect(await b.paginator.toArray()).toEqual(rows(501));
    expect(b.list.state.requests).toHaveLength(2);

    const c = listing(2345, { maxItems: 0 });
    expect(await c.paginator.toArray()).toEqual([]);
    expect(c.list.state.requests).toHaveLength(0);
  });

  it("stops at maxPages without a further request", async () => {
    const { list, paginator } = listing(2345, { maxPages: 2 });
    expect(await paginator.toArray()).toEqual(rows(1000));
    expect(list.state.requests).toHaveLength(2);
    expect(paginator.checkpoint).toMatchObject({ next: { page: 3, pageSize: 500 }, skip: 0 });
  });

  it("resumes from a JSON checkpoint taken mid-page without repeating or losing items", async () => {
    const first = listing(2345);
    const seen: Row[] = [];
    for await (const row of first.paginator) {
      seen.push(row);
      if (seen.length === 750) break;
    }
    const saved = JSON.stringify(first.paginator.checkpoint);
    expect(JSON.parse(saved)).toMatchObject({ next: { page: 2, pageSize: 500 }, skip: 250, items: 750, pages: 2 });

    const resumed = createPaginator({
      strategy, fetchPage: first.list.fetchPage, first: strategy.first(500), key: (r: Row) => r.id,
      resumeFrom: JSON.parse(saved) as PaginationCheckpoint<PageNumberRequest>,
    });
    seen.push(...(await resumed.toArray()));
    expect(seen).toEqual(rows(2345));
    // page 2 is fetched again (it was only half delivered), then pages 3 to 5
    expect(first.list.state.requests.map((r) => r.page)).toEqual([1, 2, 2, 3, 4, 5]);
    expect(resumed.stats).toMatchObject({ requests: 4, items: 2345 });
  });

  it("after a page is fully delivered the checkpoint already points at the next page", async () => {
    const { paginator } = listing(2345);
    let n = 0;
    for await (const _ of paginator) if (++n === 500) break;
    expect(paginator.checkpoint).toMatchObject({ next: { page: 2, pageSize: 500 }, skip: 0 });
  });

  it("continues a broken-off loop on the same paginator from its buffer, without refetching", async () => {
    const { list, paginator } = listing(1000);
    let n = 0;
    for await (const _ of paginator) if (++n === 10) break;
    expect(await paginator.toArray()).toEqual(rows(1000).slice(10));
    expect(list.state.requests).toHaveLength(2);
  });

  it("drops the duplicate an insert at the front causes and warns once that the total changed", async () => {
    const warn = vi.fn();
    const { list, paginator } = listing(1200, { logger: { warn } });
    const out: Row[] = [];
    for await (const row of paginator) {
      out.push(row);
      // two inserts while page 1 is being consumed: page 2 then starts with the last 2 rows of page 1
      if (out.length === 10) list.state.rows.unshift({ id: "new1" });
      if (out.length === 20) list.state.rows.unshift({ id: "new2" });
    }
    expect(new Set(out.map((r) => r.id)).size).toBe(out.length);
    expect(out).toEqual(rows(1200));
    expect(paginator.stats).toMatchObject({ duplicatesDropped: 2, total: 1202, totalChanged: true });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/total changed from 1200 to 1202/);
    expect(warn.mock.calls[0]![1]).toEqual({ kind: "total-changed", previousTotal: 1200, total: 1202 });
  });

  it("keeps a duplicate when no key is given (nothing to compare by)", async () => {
    const list = fakeList(rows(600));
    const paginator = createPaginator({ strategy, fetchPage: list.fetchPage, first: strategy.first(500) });
    let n = 0;
    for await (const _ of paginator) if (++n === 1) list.state.rows.unshift({ id: "x" });
    expect(n).toBe(601);
  });

  it("pages() yields each page with its envelope and de-duplicated items", async () => {
    const { paginator } = listing(1200);
    const pages = [];
    for await (const p of paginator.pages()) pages.push(p);
    expect(pages.map((p) => [p.request.page, p.items.length, p.page.total, p.duplicates])).toEqual([
      [1, 500, 1200, 0],
      [2, 500, 1200, 0],
      [3, 200, 1200, 0],
    ]);
  });

  it("pages() of an empty listing yields the one empty page", async () => {
    const { list, paginator } = listing(0);
    const pages = [];
    for await (const p of paginator.pages()) pages.push(p);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.page.total).toBe(0);
    expect(list.state.requests).toHaveLength(1);
  });

  it("pages() trims the last page to maxItems", async () => {
    const { list, paginator } = listing(2345, { maxItems: 700 });
    const sizes = [];
    for await (const p of paginator.pages()) sizes.push(p.items.length);
    expect(sizes).toEqual([500, 200]);
    expect(list.state.requests).toHaveLength(2);
  });

  it("abort stops at once: no further item and no further request", async () => {
    const controller = new AbortController();
    const { list, paginator } = listing(2345, { signal: controller.signal });
    let n = 0;
    const run = (async () => {
      for await (const _ of paginator) if (++n === 3) controller.abort(new Error("stop now"));
    })();
    await expect(run).rejects.toBeInstanceOf(AbortError);
    await expect(run).rejects.toMatchObject({ cause: new Error("stop now") });
    expect(n).toBe(3);
    expect(list.state.requests).toHaveLength(1);
  });

  it("passes the signal to fetchPage and does not start when already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const { list, paginator } = listing(10, { signal: controller.signal });
    await expect(paginator.toArray()).rejects.toBeInstanceOf(AbortError);
    expect(list.state.requests).toHaveLength(0);
  });

  it("a failed page request rejects and leaves the checkpoint on that page", async () => {
    const list = fakeList(rows(1200));
    const failing = async (req: PageNumberRequest, signal?: AbortSignal) => {
      if (req.page === 2) throw new Error("boom");
      return list.fetchPage(req, signal);
    };
    const paginator = createPaginator({ strategy, fetchPage: failing, first: strategy.first(500), key: (r: Row) => r.id });
    const seen: Row[] = [];
    await expect((async () => { for await (const r of paginator) seen.push(r); })()).rejects.toThrow("boom");
    expect(seen).toHaveLength(500);
    expect(paginator.checkpoint).toMatchObject({ next: { page: 2 }, skip: 0 });
    const rest = await createPaginator({ strategy, fetchPage: list.fetchPage, first: strategy.first(500), resumeFrom: paginator.checkpoint }).toArray();
    expect([...seen, ...rest]).toEqual(rows(1200));
  });

  it("rejects a page without the items field", async () => {
    const paginator = createPaginator({ strategy, fetchPage: async () => ({ total: 1 }) as unknown as Envelope, first: strategy.first(500) });
    await expect(paginator.toArray()).rejects.toBeInstanceOf(PaginationError);
  });

  it("refuses two loops at once", async () => {
    const { paginator } = listing(10);
    const it1 = paginator[Symbol.asyncIterator]();
    await it1.next();
    await expect(paginator.toArray()).rejects.toBeInstanceOf(PaginationError);
  });

  it.each([["maxItems", -1], ["maxPages", 1.5]] as const)("rejects %s = %s", (name, value) => {
    expect(() => listing(1, { [name]: value })).toThrow(PaginationError);
  });
});
