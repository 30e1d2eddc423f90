import { createApiClient, type ApiClient, type ApiClientOptions } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";

/** The typed Project and Resource Management client: `GET`/`POST`/… by path, with the vendor facts of `meta` applied. */
export type SageIntacctClient = ApiClient<paths, typeof meta>;
export type SageIntacctClientOptions = ApiClientOptions<typeof meta>;

/** Creates a Project and Resource Management client on the @apiforge/runtime transport. */
export function createSageIntacctClient(options: SageIntacctClientOptions = {}): SageIntacctClient {
  return createApiClient<paths, typeof meta>(meta, options);
}
