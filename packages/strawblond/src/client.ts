import { createApiClient, type ApiClient, type ApiClientOptions } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";

/** The typed Blond (StrawBlond) API client: `GET`/`POST`/… by path, with the vendor facts of `meta` applied. */
export type StrawblondClient = ApiClient<paths, typeof meta>;
export type StrawblondClientOptions = ApiClientOptions<typeof meta>;

/** Creates a Blond (StrawBlond) API client on the @apiforge/runtime transport. */
export function createStrawblondClient(options: StrawblondClientOptions = {}): StrawblondClient {
  return createApiClient<paths, typeof meta>(meta, options);
}
