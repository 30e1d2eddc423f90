// Composition only: options → transport → openapi-fetch client → helpers.
import { createTransport, type PaginationWarning, type RateLimiter, unwrap } from "@apiforge/runtime";
import createClient, { type Client } from "openapi-fetch";
import { type BulkHelpers, createBulk } from "./bulk.js";
import type { paths } from "./generated/schema.js";
import { type ParallaxClientOptions, resolveOptions } from "./options.js";
import { createPaginate } from "./paginate.js";

/** The typed Parallax client: `GET`/`POST`/`PATCH`/`DELETE` by path, plus pagination and bulk helpers. */
export interface ParallaxClient extends Client<paths> {
  /** Iterates every item of a list operation, fetching pages of up to 500 on demand. */
  paginate: ReturnType<typeof createPaginate>;
  /** Chunked writers for the spec's bulk operations, by operationId. */
  bulk: BulkHelpers;
  /** The client's rate limiter (`undefined` with `rateLimit: false`). */
  limiter: RateLimiter | undefined;
  /** Rejects every call still queued by the limiter (e.g. on shutdown). */
  close(): void;
}

/**
 * Creates a Parallax API client. Throws {@link MissingApiKeyError} when neither `apiKey` nor
 * `PARALLAX_API_KEY` is set.
 */
export function createParallaxClient(options: ParallaxClientOptions = {}): ParallaxClient {
  const resolved = resolveOptions(options);
  const transport = createTransport(resolved.transport);
  const client = createClient<paths>({ baseUrl: resolved.baseUrl, fetch: transport.fetch, headers: { "X-API-KEY": resolved.apiKey } });
  client.use(transport.middleware);
  const { logger } = options;
  const warnings = logger?.warn && { warn: (message: string, warning: PaginationWarning) => logger.warn?.(message, warning) };
  return Object.assign(client, {
    paginate: createPaginate({ client, unwrap, logger: warnings || undefined, rateLimit: resolved.rateLimit }),
    bulk: createBulk({ client, unwrap }),
    limiter: transport.limiter,
    close: () => transport.close(),
  });
}
