// client.query(): Sage's query service (POST /services/core/query) as an async iterator over every
// record. It is the runtime's generic `paginate` with the overlay's body-start-size facts: the body
// carries `start`/`size` (size at most 4 000), and `ia::meta.next` = null or 0 ends the listing.
import type { ApiPaginator, PaginationCheckpoint } from "@apiforge/runtime";
import type { ApiClient } from "@apiforge/runtime";
import type { meta } from "./generated/meta.js";
import type { components, paths } from "./generated/schema.js";

/** What to query: `object` (e.g. `projects/project-resource`), `fields`, `filters`, `orderBy`, … (not `start`/`size`). */
export type QueryRequest = Omit<components["schemas"]["core-query"], "start" | "size">;
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
  return client.paginate("/services/core/query", { body: request }, { ...rest, pageSize: size });
}
