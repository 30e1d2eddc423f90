// createApiClient(meta, options): one client for any API the generator describes. Composition only:
// options → base URL, credentials (createAuth), transport (pacing from meta.rateLimit, errors from
// meta.errors, signing) → openapi-fetch client → paginate, bulk, unwrap, requestIdOf, close.
// createLiteClient is the same without pacing, paginate and bulk (none of their modules is imported
// on its path, so a bundle that uses only it leaves them out).
import createClient, { type Client } from "openapi-fetch";
import type { ApiMeta, ErrorsMeta } from "../api-meta.js";
import { createAuth } from "../auth/create.js";
import type { Auth, AuthCredentials } from "../auth/types.js";
import { requestIdFrom } from "../errors.js";
import { pacingFromMeta, type RateLimiter } from "../limiter.js";
import type { PacingOptions, TransportOptions } from "../options.js";
import type { PaginationWarning } from "../pagination/types.js";
import { unwrap } from "../result.js";
import { limiterFor } from "../transport.js";
import { createBaseTransport, type Transport } from "../transport-base.js";
import { type BulkHelpers, createBulk } from "./bulk.js";
import { type CallMethods, routeOperations } from "./call.js";
import { type ApiClientLogger, type ApiClientOptions, type BaseClientOptions, ClientConfigError, defaultEnv, resolveBaseUrl } from "./options.js";
import { idempotencyHeaderResolver, idempotencyHeaders, idempotencyMiddleware } from "./idempotency.js";
import { consoleLogger, logLevelFrom } from "./log.js";
import { createPaginate, type Paginate } from "./paginate.js";
import { querySerializerFor } from "./query.js";

/** The typed client of one API without pacing, pagination or bulk helpers (`createLiteClient`). */
export type LiteApiClient<Paths extends {}, M extends ApiMeta> = Omit<Client<Paths>, keyof CallMethods<Paths>> &
  CallMethods<Paths> & {
  /** The API's facts the client was built from. */
  readonly meta: M;
  /** The server in use, without a trailing slash. */
  readonly baseUrl: string;
  /** Returns `data`, or throws the typed error (e.g. `NotFoundError`) for a non-2xx result. */
  unwrap: typeof unwrap;
  /** The request id of a response (success or error), from where the API puts it. */
  requestIdOf(source: Response | { response: Response }): string | undefined;
  /** Rejects every call still queued by the limiter (e.g. on shutdown). */
  close(): void;
};

/** The typed client of one API: `GET`/`POST`/… by path, plus the helpers its meta enables. */
export type ApiClient<Paths extends {}, M extends ApiMeta> = LiteApiClient<Paths, M> & {
  /** Iterates every item of a paginated operation (its style from the meta), fetching pages on demand. */
  paginate: Paginate<Paths, M>;
  /** Chunked writers for the spec's bulk operations, by operationId. */
  bulk: BulkHelpers<Paths, M>;
  /** The client's rate limiter (`undefined` when pacing is off). */
  limiter: RateLimiter | undefined;
};

/** Options of {@link createLiteClient}: those of {@link createApiClient} less `rateLimit` (it does not pace). */
export type LiteClientOptions<M extends ApiMeta> = Omit<ApiClientOptions<M>, "rateLimit">;

/** The request id of a response: the API's header (meta.errors.requestIdHeader), else a common one. */
export function requestIdOf(source: Response | { response: Response }, errors?: Pick<ErrorsMeta, "requestIdHeader">): string | undefined {
  const response = source instanceof Response ? source : source.response;
  return requestIdFrom(response.headers, errors?.requestIdHeader);
}

// Pacing from the spec (pacingFromMeta: its window, its concurrency cap, adaptive when no window is
// documented), overridable field by field. The budget is keyed by the credential (only its sha256
// reaches a store), since vendors count per key or per user.
function pacingFor(meta: ApiMeta, option: BaseClientOptions["rateLimit"], key: string | undefined): PacingOptions | false {
  if (option === false) return false;
  const spec = pacingFromMeta(meta.rateLimit, key);
  if (!option) return spec;
  const limit = option.limit ?? spec.limit;
  const windowMs = option.windowMs ?? spec.windowMs;
  if ((limit === undefined) !== (windowMs === undefined)) {
    throw new ClientConfigError(`rateLimit needs both \`limit\` and \`windowMs\`: the ${meta.title} spec states no window to fill the other from.`);
  }
  return { ...spec, ...option, ...(limit !== undefined && windowMs !== undefined && { limit, windowMs }) } as PacingOptions;
}

/** What both clients derive from the meta and options before a transport exists. */
interface Prepared {
  baseUrl: string;
  auth: Auth | undefined;
  logger: ApiClientLogger | undefined;
  /** The transport's options, less pacing. */
  transport: TransportOptions;
  idempotency: Map<string, string>;
}

function prepare(meta: ApiMeta, options: BaseClientOptions): Prepared {
  const o = options as BaseClientOptions & AuthCredentials & Record<string, unknown>;
  const env = o.env ?? defaultEnv();
  const baseUrl = resolveBaseUrl(meta, o, env);
  // an API without auth schemes needs no credentials; otherwise a clear MissingCredentialsError now, not a 401 later
  const auth: Auth | undefined = o.auth ?? (meta.auth.length ? createAuth(meta.auth, o, env as Record<string, string | undefined>) : undefined);
  const logger = o.logger ?? consoleLogger(meta.api, logLevelFrom(o.logLevel, env[`${meta.envPrefix}_LOG`]));
  const idempotency = idempotencyHeaders(meta);
  return {
    baseUrl,
    auth,
    logger,
    idempotency,
    transport: {
      // only the header an operation declares makes its retries safe (and is where `idempotencyKey` goes)
      idempotencyHeader: idempotencyHeaderResolver(idempotency),
      errors: meta.errors,
      ...(auth && { auth }),
      ...(o.retry !== undefined && { retry: o.retry }),
      ...(o.timeoutMs !== undefined && { timeoutMs: o.timeoutMs }),
      ...(o.deadlineMs !== undefined && { deadlineMs: o.deadlineMs }),
      ...(o.throwOnError !== undefined && { throwOnError: o.throwOnError }),
      ...(o.fetch && { fetch: o.fetch }),
      ...(logger && { logger }),
    },
  };
}

/** The openapi-fetch client on `transport`, with what every client has. */
function assemble<Paths extends {}, M extends ApiMeta>(meta: M, p: Prepared, transport: Transport): LiteApiClient<Paths, M> {
  const querySerializer = querySerializerFor(meta.queryStyles);
  // Accept: some vendors (Laravel backends such as StrawBlond) answer HTML error pages without it
  const client = createClient<Paths>({ baseUrl: p.baseUrl, fetch: transport.fetch, headers: { Accept: "application/json" }, ...(querySerializer && { querySerializer }) });
  const keys = idempotencyMiddleware(p.idempotency);
  if (keys) client.use(keys);
  // operation names on events, errors and idempotency lookups, without a middleware on every call
  routeOperations(client as unknown as Record<string, unknown>, transport.fetchFor);
  return Object.assign(client, {
    meta,
    baseUrl: p.baseUrl,
    unwrap,
    requestIdOf: (source: Response | { response: Response }) => requestIdOf(source, meta.errors),
    close: () => transport.close(),
  }) as unknown as LiteApiClient<Paths, M>;
}

/**
 * Creates the client of one API from its generated meta: paced to the spec's rate limit, with
 * `paginate` and `bulk`.
 * @example const client = createApiClient<paths, typeof meta>(meta, { apiKey: "…" });
 */
export function createApiClient<Paths extends {}, M extends ApiMeta>(meta: M, options: ApiClientOptions<M> = {} as ApiClientOptions<M>): ApiClient<Paths, M> {
  const p = prepare(meta, options);
  const rateLimit = pacingFor(meta, (options as BaseClientOptions).rateLimit, p.auth?.secrets()[0]);
  const transportOptions: TransportOptions = { ...p.transport, rateLimit };
  const transport = createBaseTransport(transportOptions, limiterFor(transportOptions));
  const client = assemble<Paths, M>(meta, p, transport);
  const logger = p.logger;
  const warn = logger?.warn;
  const paginationLogger = warn && { warn: (message: string, warning: PaginationWarning) => warn.call(logger, message, warning) };
  const budget = rateLimit === false || rateLimit.limit === undefined ? null : { limit: rateLimit.limit, windowMs: rateLimit.windowMs };
  return Object.assign(client, {
    paginate: createPaginate<Paths, M>({
      meta,
      client: client as unknown as Client<any>,
      baseUrl: p.baseUrl,
      // the transport signs every attempt (and refreshes once after a 401), next-page URLs included
      send: (request: Request) => transport.fetch(request),
      logger: paginationLogger || undefined,
      rateLimit: budget,
    }),
    bulk: createBulk<Paths, M>(meta, client as unknown as Client<any>),
    limiter: transport.limiter,
  });
}

/**
 * The same client without pacing, `paginate` or `bulk`, for bundles where size matters (a
 * browser app): none of those modules is loaded. Retries (a 429 waits its Retry-After), timeouts,
 * typed errors, auth and per-call options are the same.
 * @example const client = createLiteClient<paths, typeof meta>(meta, { apiKey: "…" });
 */
export function createLiteClient<Paths extends {}, M extends ApiMeta>(meta: M, options: LiteClientOptions<M> = {} as LiteClientOptions<M>): LiteApiClient<Paths, M> {
  const p = prepare(meta, options);
  // no limiter, but the spec's pacing still names the Retry-After headers and the wait after a bare 429
  const transport = createBaseTransport({ ...p.transport, rateLimit: pacingFromMeta(meta.rateLimit) }, undefined);
  return assemble<Paths, M>(meta, p, transport);
}
