// The SDK's runtime constants, as a facts extractor returns them. The library does not know how a
// repository derives them from a spec (apiforge's scripts/lib/spec-facts.ts does); callers inject
// `extractFacts` and the runtime-limit rules compare what it returns for both sides.

export interface LimitFacts {
  rateLimit: { limit: number; windowMs: number } | null;
  /** Page-size facts: the query parameter's name and the smallest `maximum` it has. */
  pagination: { pageSizeParam: string; maxPageSize?: number } | null;
  paginatedOperations: { method: string; path: string; operationId?: string }[];
  bulkOperations: { method: string; path: string; operationId: string; maxItems: number; field?: string }[];
}

interface WithExtractor {
  // a method signature, so an extractor typed for a narrower document type (one with `openapi: string`) is accepted
  extract(doc: Record<string, any>): LimitFacts;
}

/** Reads the runtime constants a spec states (the SDK's generated meta.ts holds the base side's). */
export type FactsExtractor = WithExtractor["extract"];
