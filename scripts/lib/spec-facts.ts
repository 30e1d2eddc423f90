// The numbers a spec states that the runtime must obey (rate limit, page-size maximum, bulk
// maxItems) and the paginated operations, in the flat shape `pnpm spec:diff`'s runtime-limit rules
// compare. Derived from extractMeta (scripts/lib/meta/), the one place that reads vendor facts.
import type { ApiMeta, PaginationStyle } from "../../packages/runtime/src/api-meta.ts";
import { extractMeta } from "./meta/extract.ts";
import type { OpenApiDoc } from "./spec-doc.ts";

export { deref } from "./meta/schema.ts";
export { extractMeta } from "./meta/extract.ts";

export interface PaginationFacts {
  style: PaginationStyle;
  pageParam?: string;
  pageSizeParam: string;
  itemsField: string;
  totalField?: string;
  totalPagesField?: string;
  /** Smallest `maximum` of the page-size parameter over all paginated GET operations. */
  maxPageSize?: number;
  defaultPageSize?: number;
}

export interface SpecFacts {
  rateLimit: { limit: number; windowMs: number } | null;
  /** The first paginated GET operation with a page-size parameter, with the limits over all of them. */
  pagination: PaginationFacts | null;
  paginatedOperations: { method: "get"; path: string; operationId: string }[];
  bulkOperations: { method: string; path: string; operationId: string; maxItems: number; field?: string }[];
}

const min = (values: (number | undefined)[]) => {
  const finite = values.filter((n): n is number => Number.isFinite(n));
  return finite.length ? Math.min(...finite) : undefined;
};

export function extractFacts(doc: OpenApiDoc): SpecFacts {
  return factsFromMeta(extractMeta(doc, { name: "api" }));
}

/** The flat facts of an already extracted meta. */
export function factsFromMeta(meta: ApiMeta): SpecFacts {
  const ops = Object.entries(meta.operations);
  const paged = ops.filter(([, o]) => o.method === "get" && o.pagination);
  const sized = paged.filter(([, o]) => o.pagination!.pageSizeParam);
  const first = sized[0]?.[1].pagination;
  let pagination: PaginationFacts | null = null;
  if (first) {
    pagination = { style: first.style, pageSizeParam: first.pageSizeParam!, itemsField: first.itemsPath };
    if (first.pageParam) pagination.pageParam = first.pageParam;
    if (first.totalPath) pagination.totalField = first.totalPath;
    if (first.totalPagesPath) pagination.totalPagesField = first.totalPagesPath;
    const max = min(sized.map(([, o]) => o.pagination!.maxPageSize));
    const def = min(sized.map(([, o]) => o.pagination!.defaultPageSize));
    if (max !== undefined) pagination.maxPageSize = max;
    if (def !== undefined) pagination.defaultPageSize = def;
  }
  return {
    rateLimit: meta.rateLimit.window ? { ...meta.rateLimit.window } : null,
    pagination,
    paginatedOperations: paged.map(([operationId, o]) => ({ method: "get", path: o.path, operationId })),
    bulkOperations: ops.filter(([, o]) => o.bulk).map(([operationId, o]) => ({ method: o.method, path: o.path, operationId, maxItems: o.bulk!.maxItems, ...(o.bulk!.field ? { field: o.bulk!.field } : {}) })),
  };
}
