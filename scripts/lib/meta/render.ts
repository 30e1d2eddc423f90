// meta.ts as text: the ApiMeta literal (`as const`, so paths and operationIds stay literal types)
// checked against the runtime's contract with `satisfies`, and the helper types SDK code keys on.
import type { ApiMeta } from "../../../packages/runtime/src/api-meta.ts";

export function renderMeta(meta: ApiMeta): string {
  return [
    'import type { ApiMeta } from "@apiforge/runtime";',
    "",
    "/** Vendor facts read from the spec: operations (pagination, bulk limits, idempotency), auth, errors, rate limit, webhooks. */",
    `export const meta = ${JSON.stringify(meta, null, 2)} as const satisfies ApiMeta;`,
    "",
    "type Operations = typeof meta.operations;",
    "/** Every operationId of the spec (`<method> <path>` for an operation without one). */",
    "export type OperationId = keyof Operations;",
    "/** operationIds of the operations that return one page of a listing. */",
    "export type PaginatedOperationId = { [K in OperationId]: Operations[K] extends { pagination: object } ? K : never }[OperationId];",
    "/** Paths of the GET operations that paginate. */",
    'export type PaginatedPath = { [K in PaginatedOperationId]: Operations[K] extends { method: "get"; path: infer P } ? P : never }[PaginatedOperationId];',
    "/** operationIds of the operations whose request body is chunked by `maxItems`. */",
    "export type BulkOperationId = { [K in OperationId]: Operations[K] extends { bulk: object } ? K : never }[OperationId];",
    "",
  ].join("\n");
}
