// Shared harness for the per-style strategy tests: an in-memory backend answers ListRequests the way
// a server of that style would, and the same engine semantics (checkpoint/resume, maxItems, abort,
// inserts during a listing) are checked for every style.
import { expect, it } from "vitest";
import type { PaginationMeta } from "../api-meta.js";
import type { ListPage, ListRequest } from "./list.js";
import { createPaginator } from "./paginator.js";
import { strategyFor } from "./registry.js";
import type { PaginationCheckpoint } from "./types.js";

export interface Row {
  id: string;
}

export const rows = (n: number, prefix = "r"): Row[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));

/** A backend of one style over a mutable list; `requests` records what the paginator asked. */
export interface Backend {
  state: { rows: Row[]; requests: ListRequest[] };
  fetchPage(request: ListRequest, signal?: AbortSignal): Promise<ListPage>;
}

export type Serve = (all: Row[], request: ListRequest) => ListPage;

export function backend(initial: Row[], serve: Serve): Backend {
  const state = { rows: [...initial], requests: [] as ListRequest[] };
  return {
    state,
    async fetchPage(request, signal) {
      signal?.throwIfAborted();
      state.requests.push(structuredClone(request));
      return serve(state.rows, request);
    },
  };
}

export function listing(meta: PaginationMeta, b: Backend, pageSize: number | undefined, extra: { maxItems?: number; resumeFrom?: PaginationCheckpoint<ListRequest>; signal?: AbortSignal } = {}) {
  const strategy = strategyFor<Row>(meta);
  return createPaginator({ strategy, fetchPage: b.fetchPage, first: strategy.first(pageSize), key: (r) => r.id, ...extra });
}

/** Size → expected request count, then the engine semantics every style shares. */
export function sharedCases(meta: PaginationMeta, serve: Serve, pageSize: number, counts: [items: number, requests: number][]): void {
  it.each(counts)("%i items take %i requests, each delivered once", async (n, requests) => {
    const b = backend(rows(n), serve);
    const got = await listing(meta, b, pageSize).toArray();
    expect(got.map((r) => r.id)).toEqual(rows(n).map((r) => r.id));
    expect(b.state.requests).toHaveLength(requests);
  });

  it("resumes from a JSON checkpoint at the first undelivered item", async () => {
    const b = backend(rows(pageSize * 2 + 3), serve);
    const first = listing(meta, b, pageSize);
    const seen: string[] = [];
    for await (const r of first) {
      seen.push(r.id);
      if (seen.length === pageSize + 2) break;
    }
    const saved = JSON.parse(JSON.stringify(first.checkpoint)) as PaginationCheckpoint<ListRequest>;
    for await (const r of listing(meta, b, pageSize, { resumeFrom: saved })) seen.push(r.id);
    expect(seen).toEqual(rows(pageSize * 2 + 3).map((r) => r.id));
  });

  it("stops at maxItems without requesting past it", async () => {
    const b = backend(rows(pageSize * 3), serve);
    const got = await listing(meta, b, pageSize, { maxItems: pageSize }).toArray();
    expect(got).toHaveLength(pageSize);
    expect(b.state.requests).toHaveLength(1);
  });

  it("rejects at once when its signal aborts", async () => {
    const ctrl = new AbortController();
    const b = backend(rows(pageSize * 3), serve);
    const it = listing(meta, b, pageSize, { signal: ctrl.signal })[Symbol.asyncIterator]();
    await it.next();
    ctrl.abort(new Error("stop"));
    await expect(it.next()).rejects.toThrow(/abort/i);
  });

  it("drops the duplicates an insert at the head causes, losing nothing", async () => {
    const b = backend(rows(pageSize * 2 + 1), serve);
    const seen: string[] = [];
    for await (const r of listing(meta, b, pageSize)) {
      seen.push(r.id);
      if (seen.length === 1) b.state.rows.unshift({ id: "new0" });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(rows(pageSize * 2 + 1).map((r) => r.id)));
  });
}

/** The page (1-based or from `first`) rows of a page-number request. */
export function slice(all: Row[], page: number, size: number, firstPage = 1): Row[] {
  const start = (page - firstPage) * size;
  return all.slice(start, start + size);
}
