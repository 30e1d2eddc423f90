// client.query(): Sage's query service (POST /services/core/query) as an async iterator over every
// record. It is the runtime's generic `paginate` with the overlay's body-start-size facts: the body
// carries `start`/`size` (size at most 4 000), and `ia::meta.next` = null or 0 ends the listing.
import type { ApiPaginator, PaginationCheckpoint } from "@apiforge/runtime";
import type { ApiClient } from "@apiforge/runtime";
import type { meta } from "./generated/meta.js";
import type { components, paths } from "./generated/schema.js";

type CoreQuery = components["schemas"]["core-query"];
/**
 * What to query: `object` (e.g. `projects/project-resource`), `fields`, `filters`, `orderBy`, … (not
 * `start`/`size`). `filterExpression` has a default ("and"), which openapi-typescript marks required.
 */
export type QueryRequest = Omit<CoreQuery, "start" | "size" | "filterExpression"> & Partial<Pick<CoreQuery, "filterExpression">>;
/** One record as the query service returns it (the fields you asked for). */
export type QueryRecord = Record<string, unknown>;

export interface QueryOptions {
  /** Records per request (Sage's cap: 4 000). @default 4 000, or `maxItems` when smaller */
  size?: number;
  /** Stop after this many records; no request is made past them. */
  maxItems?: number;
  /** Continue an interrupted listing from a previous paginator's `checkpoint`. */
  resumeFrom?: PaginationCheckpoint<unknown>;
  signal?: AbortSignal;
}

type Client = ApiClient<paths, typeof meta>;

/** Every record `request` selects, page by page; also `.pages()`, `.toArray()`, `.checkpoint`. */
export function query(client: Client, request: QueryRequest, options: QueryOptions = {}): ApiPaginator<QueryRecord, unknown> {
  const { size, ...rest } = options;
  // an absent filterExpression is Sage's default ("and"); only the generated type insists on one
  const body = request as QueryRequest & Pick<CoreQuery, "filterExpression">;
  return client.paginate("/services/core/query", { body }, { ...rest, pageSize: size });
}
