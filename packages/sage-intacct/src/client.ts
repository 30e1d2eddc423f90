import { type ApiClient, type ApiClientOptions, type ApiPaginator, createApiClient } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";
import { type QueryOptions, type QueryRecord, type QueryRequest, query } from "./query.js";

/** The typed Sage Intacct client: `GET`/`POST`/… by path with the vendor facts of `meta`, plus `query()`. */
export type SageIntacctClient = ApiClient<paths, typeof meta> & {
  /** Every record of a query-service request, following `ia::meta.next` until null or 0. */
  query(request: QueryRequest, options?: QueryOptions): ApiPaginator<QueryRecord, unknown>;
};
/**
 * `clientId` + `clientSecret` (+ `username` for a Web Services user, `tokenUrl` for a sandbox), or a
 * ready `accessToken`; each also from `SAGE_INTACCT_CLIENT_ID`, `…_CLIENT_SECRET`, `…_USERNAME`,
 * `…_ACCESS_TOKEN`. Base URL: the spec's server, or `SAGE_INTACCT_BASE_URL`.
 */
export type SageIntacctClientOptions = ApiClientOptions<typeof meta>;

/** Creates a Sage Intacct client on the @apiforge/runtime transport. */
export function createSageIntacctClient(options: SageIntacctClientOptions = {}): SageIntacctClient {
  const client = createApiClient<paths, typeof meta>(meta, options);
  return Object.assign(client, { query: (request: QueryRequest, opts?: QueryOptions) => query(client, request, opts) });
}
