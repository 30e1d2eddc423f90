// A facts extractor for the shop fixture, as a repository would inject its own: the rate limit
// from `x-rate-limit`, the page-size maximum from the shared PageSize parameter.
import type { FactsExtractor } from "../../src/index.js";

export const shopFacts: FactsExtractor = (doc) => ({
  rateLimit: doc["x-rate-limit"] ? { limit: doc["x-rate-limit"].limit, windowMs: doc["x-rate-limit"].windowSeconds * 1000 } : null,
  pagination: { pageSizeParam: "page_size", maxPageSize: doc.components?.parameters?.PageSize?.schema?.maximum },
  paginatedOperations: [{ method: "get", path: "/v1/items" }],
  bulkOperations: [],
});
