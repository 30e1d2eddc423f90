// createApiClient(meta, options): one client for any API the generator describes. Composition only:
// options → base URL, credentials (createAuth), transport (pacing from meta.rateLimit, errors from
// meta.errors, signing)
// → openapi-fetch client → paginate, bulk, unwrap, requestIdOf, close.
import createClient, { type Client } from "openapi-fetch";
import type { ApiMeta, ErrorsMeta } from "../api-meta.js";
import { createAuth } from "../auth/index.js";
import type { Auth, AuthCredentials } from "../auth/types.js";
import { requestIdFrom } from "../errors.js";
import type { RateLimiter } from "../limiter.js";
import type { PacingOptions } from "../options.js";
import type { PaginationWarning } from "../pagination/types.js";
import { unwrap } from "../result.js";
import { createTransport } from "../transport.js";
import { type BulkHelpers, createBulk } from "./bulk.js";
import { type ApiClientOptions, type BaseClientOptions, ClientConfigError, defaultEnv, resolveBaseUrl } from "./options.js";
import { createPaginate, type Paginate } from "./paginate.js";

/** The typed client of one API: `GET`/`POST`/… by path, plus the helpers its meta enables. */
export type ApiClient<Paths extends {}, M extends ApiMeta> = Client<Paths> & {
  /** The API's facts the client was built from. */
  readonly meta: M;
  /** The server in use, without a trailing slash. */
  readonly baseUrl: string;
  /** Iterates every item of a paginated operation (its style from the meta), fetching pages on demand. */
  paginate: Paginate<Paths, M>;
  /** Chunked writers for the spec's bulk operations, by operationId. */
  bulk: BulkHelpers<Paths, M>;
  /** Returns `data`, or throws the typed error (e.g. `NotFoundError`) for a non-2xx result. */
  unwrap: typeof unwrap;
  /** The request id of a response (success or error), from where the API puts it. */
  requestIdOf(source: Response | { response: Response }): string | undefined;
  /** The client's rate limiter (`undefined` when pacing is off). */
  limiter: RateLimiter | undefined;
  /** Rejects every call still queued by the limiter (e.g. on shutdown). */
  close(): void;
};

/** The request id of a response: the API's header (meta.errors.requestIdHeader), else a common one. */
export function requestIdOf(source: Response | { response: Response }, errors?: Pick<ErrorsMeta, "requestIdHeader">): string | undefined {
  const response = source instanceof Response ? source : source.response;
  return requestIdFrom(response.headers, errors?.requestIdHeader);
}

// Pacing from the spec, overridable field by field: a documented window, else adaptive pacing
// (learned from budget headers and 429s), else a concurrency cap alone. With nothing documented
// the client still stays safe: adaptive. The budget is keyed by the credential (only its sha256
// reaches a store), since vendors count per key or per user.
function rateLimitFor(meta: ApiMeta, option: BaseClientOptions["rateLimit"], key: string | undefined): PacingOptions | false {
  if (option === false) return false;
  const spec = meta.rateLimit;
  const { limit: optLimit, windowMs: optWindow, ...rest } = option ?? {};
  const common = {
    ...(key && { key }),
    ...(spec.retryAfterHeaders && { retryAfterHeaders: [...spec.retryAfterHeaders] }),
    ...(spec.remainingHeaders && { remainingHeaders: [...spec.remainingHeaders] }),
    ...(spec.limitHeaders && { limitHeaders: [...spec.limitHeaders] }),
    ...(spec.maxConcurrent !== undefined && { maxConcurrent: spec.maxConcurrent }),
    ...rest,
  };
  const limit = optLimit ?? spec.window?.limit;
  const windowMs = optWindow ?? spec.window?.windowMs;
  if (limit !== undefined && windowMs !== undefined) return { ...common, limit, windowMs };
  if (optLimit !== undefined || optWindow !== undefined) {
    throw new ClientConfigError(`rateLimit needs both \`limit\` and \`windowMs\`: the ${meta.title} spec states no window to fill the other from.`);
  }
  const adaptive = rest.adaptive ?? spec.adaptive ?? (common.maxConcurrent === undefined ? true : undefined);
  if (adaptive) return { ...common, adaptive: true };
  if (common.maxConcurrent !== undefined) return { ...common, adaptive: false, maxConcurrent: common.maxConcurrent };
  return false;
}

/**
 * Creates the client of one API from its generated meta.
 * @example const client = createApiClient<paths, typeof meta>(meta, { apiKey: "…" });
 */
export function createApiClient<Paths extends {}, M extends ApiMeta>(meta: M, options: ApiClientOptions<M> = {} as ApiClientOptions<M>): ApiClient<Paths, M> {
  const o = options as BaseClientOptions & AuthCredentials & Record<string, unknown>;
  const env = o.env ?? defaultEnv();
  const baseUrl = resolveBaseUrl(meta, o, env);
  // an API without auth schemes needs no credentials; otherwise a clear MissingCredentialsError now, not a 401 later
  const auth: Auth | undefined = o.auth ?? (meta.auth.length ? createAuth(meta.auth, o, env as Record<string, string | undefined>) : undefined);
  const rateLimit = rateLimitFor(meta, o.rateLimit, auth?.secrets()[0]);
  const { logger } = o;
  const transport = createTransport({
    rateLimit,
    errors: meta.errors,
    ...(auth && { auth }),
    ...(o.retry !== undefined && { retry: o.retry }),
    ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
    ...(o.deadlineMs !== undefined && { deadlineMs: o.deadlineMs }),
    ...(o.throwOnError !== undefined && { throwOnError: o.throwOnError }),
    ...(o.fetch && { fetch: o.fetch }),
    ...(logger && { logger }),
  });
  const client = createClient<Paths>({ baseUrl, fetch: transport.fetch });
  client.use(transport.middleware);

  const warn = logger?.warn;
  const paginationLogger = warn && { warn: (message: string, warning: PaginationWarning) => warn.call(logger, message, warning) };
  // estimates need a known window; adaptive and concurrency-only pacing have none
  const budget = rateLimit !== false && rateLimit.limit !== undefined ? { limit: rateLimit.limit, windowMs: rateLimit.windowMs } : null;
  return Object.assign(client, {
    meta,
    baseUrl,
    paginate: createPaginate<Paths, M>({
      meta,
      client: client as Client<any>,
      baseUrl,
      // the transport signs every attempt (and refreshes once after a 401), next-page URLs included
      send: (request: Request) => transport.fetch(request),
      logger: paginationLogger || undefined,
      rateLimit: budget,
    }),
    bulk: createBulk<Paths, M>(meta, client as Client<any>),
    unwrap,
    requestIdOf: (source: Response | { response: Response }) => requestIdOf(source, meta.errors),
    limiter: transport.limiter,
    close: () => transport.close(),
  });
}
