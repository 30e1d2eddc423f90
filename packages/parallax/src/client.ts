// The Parallax client is the generic runtime client on the generated meta: auth (X-API-KEY),
// server, rate limit, pagination, bulk sizes and error envelopes all come from the spec.
import { type ApiClient, type ApiClientOptions, createApiClient } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";

/** The typed Parallax client: `GET`/`POST`/`PATCH`/`DELETE` by path, `paginate`, `bulk`, `unwrap`, `requestIdOf`. */
export type ParallaxClient = ApiClient<paths, typeof meta>;
/** Options of `createParallaxClient`: `apiKey` (or PARALLAX_API_KEY), `baseUrl` (or PARALLAX_BASE_URL), transport settings. */
export type ParallaxClientOptions = ApiClientOptions<typeof meta>;

/** Creates a Parallax API client; throws `MissingCredentialsError` when neither `apiKey` nor PARALLAX_API_KEY is set. */
export function createParallaxClient(options: ParallaxClientOptions = {}): ParallaxClient {
  return createApiClient<paths, typeof meta>(meta, options);
}
