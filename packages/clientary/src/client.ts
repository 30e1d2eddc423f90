import { createApiClient, type ApiClient, type ApiClientOptions } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";

/** The typed Clientary API client: `GET`/`POST`/… by path, with the vendor facts of `meta` applied. */
export type ClientaryClient = ApiClient<paths, typeof meta>;
export type ClientaryClientOptions = ApiClientOptions<typeof meta>;

/** Creates a Clientary API client on the @apiforge/runtime transport. */
export function createClientaryClient(options: ClientaryClientOptions = {}): ClientaryClient {
  return createApiClient<paths, typeof meta>(meta, options);
}
