// Client options and their defaults, in one place. Vendor numbers (rate limit, server) come from
// the generated meta, i.e. from the spec, never from constants typed here.
import { type AttemptEvent, type PaginationWarning, type RateLimitMeta, type RateLimitOptions, SdkError, type TransportOptions } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";

/** Environment variable read when `apiKey` is not passed. */
export const API_KEY_ENV = "PARALLAX_API_KEY";

/** Options of `createParallaxClient`. */
export interface ParallaxClientOptions {
  /**
   * Personal Access Token, sent as the `X-API-KEY` header (fact sheet §4.2; not `Authorization`).
   * @default process.env.PARALLAX_API_KEY
   */
  apiKey?: string;
  /** Server to call, without a trailing slash. @default the spec's production server, https://api.getparallax.com */
  baseUrl?: string;
  /**
   * Client-side pacing so the server's limit is never hit; `false` turns it off (e.g. against a
   * mock). Fields given here override the spec's. @default the spec's x-rate-limit: 100 requests per 60 000 ms
   */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Retry policy (429 honouring Retry-After, 5xx and network errors on idempotent calls). @default the runtime's policy */
  retry?: TransportOptions["retry"];
  /** Whole-call deadline: queueing, every attempt and the waits between them; 0 disables. @unit ms @default 0 */
  deadlineMs?: number;
  /** Per-attempt timeout. @unit ms @default the runtime's default */
  timeoutMs?: number;
  /**
   * Make `GET`/`POST`/… throw the typed error (ValidationError, RateLimitError, …) instead of
   * returning `{ error }`. `paginate()` and `bulk` always throw. @default false
   */
  throwOnError?: boolean;
  /** The `fetch` to send requests with (tests, proxies). @default globalThis.fetch */
  fetch?: TransportOptions["fetch"];
  /** Where attempts, failures and pagination warnings go. @default silent */
  logger?: ParallaxLogger;
}

/** A logger: `debug` gets every request attempt; `warn` failed attempts and pagination warnings. */
export interface ParallaxLogger {
  debug?(message: string, event: AttemptEvent): void;
  /** `event` is an AttemptEvent for a failed attempt, or a PaginationWarning (`kind: "total-changed"`). */
  warn?(message: string, event: AttemptEvent | PaginationWarning): void;
}

/** No API key was passed and PARALLAX_API_KEY is unset or empty. */
export class MissingApiKeyError extends SdkError {
  override name = "MissingApiKeyError";
  constructor() {
    super(
      `No Parallax API key: pass createParallaxClient({ apiKey }) or set the ${API_KEY_ENV} environment variable to a Personal Access Token (created in the Parallax app, sent as X-API-KEY).`,
    );
  }
}

/** The production server the spec lists (the one described as production, else the first). */
export function defaultBaseUrl(): string {
  const servers: readonly { url: string; description?: string }[] = meta.servers;
  const server = servers.find((s) => /production/i.test(s.description ?? "")) ?? servers[0];
  if (!server) throw new SdkError("The Parallax spec lists no server; pass `baseUrl`.");
  return server.url;
}

// Parallax counts requests per user (fact sheet §4.3), so the budget is keyed by the API key
// (the limiter hands only its sha256 to a store).
function resolveRateLimit(option: ParallaxClientOptions["rateLimit"], apiKey: string): RateLimitOptions | false {
  const documented: RateLimitMeta = meta.rateLimit;
  const spec = documented.window ?? null;
  if (option === false) return false;
  const limit = option?.limit ?? spec?.limit;
  const windowMs = option?.windowMs ?? spec?.windowMs;
  if (limit === undefined || windowMs === undefined) {
    if (option) throw new SdkError("rateLimit needs both `limit` and `windowMs`: the spec states no rate limit to fill them from.");
    return false;
  }
  return { key: apiKey, ...option, limit, windowMs };
}

/** Resolved settings: the API key, the base URL and the transport's options. */
export interface ResolvedOptions {
  apiKey: string;
  baseUrl: string;
  transport: TransportOptions;
  /** The pacing budget in force (for estimates), or `null` when pacing is off. */
  rateLimit: { limit: number; windowMs: number } | null;
}

/** Applies defaults and checks the API key up front (a clear error now rather than a 401 later). */
export function resolveOptions(options: ParallaxClientOptions = {}, env: Record<string, string | undefined> = process.env): ResolvedOptions {
  const apiKey = (options.apiKey ?? env[API_KEY_ENV] ?? "").trim();
  if (!apiKey) throw new MissingApiKeyError();
  const rateLimit = resolveRateLimit(options.rateLimit, apiKey);
  const transport: TransportOptions = {
    rateLimit,
    // the key header's value never reaches logs or errors
    redactHeaders: ["X-API-KEY"],
    ...(options.retry !== undefined && { retry: options.retry }),
    ...(options.deadlineMs !== undefined && { deadlineMs: options.deadlineMs }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.throwOnError !== undefined && { throwOnError: options.throwOnError }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.logger && { logger: options.logger }),
  };
  const budget = rateLimit === false ? null : { limit: rateLimit.limit, windowMs: rateLimit.windowMs };
  return { apiKey, baseUrl: (options.baseUrl ?? defaultBaseUrl()).replace(/\/+$/, ""), transport, rateLimit: budget };
}
