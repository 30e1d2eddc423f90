// An in-memory page-number list for the engine's unit tests: records every request it answers.
import { type PageNumberRequest, pageNumberStrategy } from "./page-number.js";

export interface Row {
  id: string;
}

export interface Envelope {
  count: number;
  total: number;
  page: number;
  total_pages: number;
  page_size: number;
  results: Row[];
}

export const rows = (n: number, prefix = "r"): Row[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}` }));

/** A list served page by page; `rows` may be mutated between requests to simulate writes. */
export function fakeList(initial: Row[]) {
  const state = { rows: [...initial], requests: [] as PageNumberRequest[] };
  const fetchPage = async (req: PageNumberRequest, signal?: AbortSignal): Promise<Envelope> => {
    signal?.throwIfAborted();
    state.requests.push(req);
    const start = (req.page - 1) * req.pageSize;
    const results = state.rows.slice(start, start + req.pageSize);
    const total = state.rows.length;
    return { count: results.length, total, page: req.page, total_pages: Math.ceil(total / req.pageSize), page_size: req.pageSize, results };
  };
  return { state, fetchPage };
}

export const strategy = pageNumberStrategy<Row, Envelope>({
  pageParam: "page",
  pageSizeParam: "page_size",
  itemsField: "results",
  totalField: "total",
  totalPagesField: "total_pages",
});
