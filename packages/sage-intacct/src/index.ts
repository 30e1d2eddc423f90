// Exports only.

// the runtime's typed errors and helpers, so callers can `instanceof` and `unwrap` without a second import
export * from "@apiforge/runtime/sdk-exports";
export { createSageIntacctClient, type SageIntacctClient, type SageIntacctClientOptions } from "./client.js";
export type { QueryOptions, QueryRecord, QueryRequest } from "./query.js";
export { type BulkOperationId, meta, type OperationId, type PaginatedOperationId, type PaginatedPath } from "./generated/meta.js";
export type { components, operations, paths } from "./generated/schema.js";
