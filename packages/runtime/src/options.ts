// Options, one object per concern, documented where they are declared; defaults live here only.
import type { RateLimitBudget } from "./adaptive.js";
import type { ErrorsMeta } from "./api-meta.js";
import type { Auth } from "./auth/types.js";
import type { RateLimitInfo } from "./rate-limit-headers.js";
import type { FailureKind } from "./retry.js";
import type { RateLimitStore } from "./stores/store.js";

/** What every pacing mode shares. */
export interface PacingCommonOptions {
  /** Added to the window to absorb network jitter. @default 1 % of windowMs, clamped to 10–250 @unit ms */
  safetyMarginMs?: number;
  /** Most attempts in flight at once (e.g. 2 for an API that limits concurrency, not rate). @default Infinity */
  maxConcurrent?: number;
  /**
   * Learn the budget from responses: `X-RateLimit-*` / `RateLimit-*` headers (the remaining budget is
   * paced over the time to reset, so the limit is not reached), and 429s with Retry-After (the
   * window is inferred and kept to). For APIs that document no window. @default false
   */
  adaptive?: boolean;
  /** Response headers carrying a retry delay (seconds or HTTP date) beside Retry-After; `*` matches any run of characters, e.g. `X-IA-*-RetryAfter`. @default [] */
  retryAfterHeaders?: string[];
  /** Headers with the remaining budget, beside the `X-RateLimit-Remaining` / `RateLimit-Remaining` defaults. @default [] */
  remainingHeaders?: string[];
  /** Headers with the budget's size, beside the `X-RateLimit-Limit` / `RateLimit-Limit` defaults. @default [] */
  limitHeaders?: string[];
  /** Where the window and the 429 pause live; share one (e.g. Redis) across processes using the same key. @default a new in-memory store */
  store?: RateLimitStore;
  /** Identifies the budget, usually the API key. Only its sha256 reaches the store. @default "default" */
  key?: string;
}

/** Client-wide pacing to a documented window. The vendor package passes the numbers its spec states. */
export interface RateLimitOptions extends PacingCommonOptions {
  /** Most sends in any window (the server's quota). */
  limit: number;
  /** The server's window length. @unit ms */
  windowMs: number;
}

/** No documented window: learn it from responses (see {@link PacingCommonOptions.adaptive}). */
export interface AdaptiveRateLimitOptions extends PacingCommonOptions {
  adaptive: true;
  limit?: undefined;
  windowMs?: undefined;
}

/** Only a cap on requests in flight (APIs whose limit is concurrency, e.g. 2 at once). */
export interface ConcurrencyLimitOptions extends PacingCommonOptions {
  maxConcurrent: number;
  limit?: undefined;
  windowMs?: undefined;
}

/** Any pacing mode: a documented window, adaptive, or a concurrency cap (each may add `maxConcurrent`). */
export type PacingOptions = RateLimitOptions | AdaptiveRateLimitOptions | ConcurrencyLimitOptions;

/** What a `retryOn` hook sees. */
export interface RetryContext {
  method: string;
  path: string;
  attempt: number;
  status?: number;
  failure?: FailureKind;
}

/** Retries of failed attempts; see `shouldRetry` for which failures qualify. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 2 */
  maxRetries?: number;
  /** Upper bound of the first backoff (full jitter doubles it per retry). @default 500 @unit ms */
  baseDelayMs?: number;
  /** Cap of any single backoff. @default 8000 @unit ms */
  maxDelayMs?: number;
  /** Overrides the decision table: return true/false to force, undefined to keep the default. Never called for caller aborts or once retries are spent. */
  retryOn?: (ctx: RetryContext) => boolean | undefined;
}

/** One event per attempt, for logs and metrics. Never carries header values. */
export interface AttemptEvent {
  method: string;
  /** URL path, no query string. */
  path: string;
  /** The OpenAPI path template, when the transport middleware is installed, e.g. `/pets/{id}`. */
  operation?: string;
  /** 1-based. */
  attempt: number;
  status?: number;
  /** Why no response arrived. */
  error?: FailureKind;
  /** Time spent queued by the limiter before this attempt. @unit ms */
  waitedMs: number;
  /** Calls still waiting in the limiter's queue. */
  queueLength: number;
  /** Whether another attempt follows, and why (or why not). */
  retry: boolean;
  reason: string;
  /** Delay before the next attempt (a 429 pause is applied by the limiter). @unit ms */
  retryInMs?: number;
  retryAfterMs?: number;
  rateLimit?: RateLimitInfo;
  /** What the limiter knows of the server's budget after this attempt (remaining, reset, learned window). */
  budget?: RateLimitBudget;
}

/** A logger: `debug` gets every attempt, `warn` the failed ones. */
export interface TransportLogger {
  debug?(message: string, event: AttemptEvent): void;
  warn?(message: string, event: AttemptEvent): void;
}

/** Options of `createTransport` / `createResilientFetch`. */
export interface TransportOptions {
  /**
   * Proactive pacing, or `false` for none: a documented window (`limit` + `windowMs`), `adaptive: true`,
   * or only `maxConcurrent`. @default { limit: 60, windowMs: 60_000 } (a neutral fallback; vendor packages pass their own)
   */
  rateLimit?: PacingOptions | false;
  /** Retry policy, or `false` for a single attempt. @default { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000 } */
  retry?: RetryOptions | false;
  /** Per attempt, until the whole response (headers and body) has arrived; 0 disables. @default 60_000 @unit ms */
  timeoutMs?: number;
  /**
   * Whole call: queueing, every attempt and the waits between them; 0 disables. When not given, a
   * default deadline of 30 s runs from the first send (time queued by the limiter before it does not
   * count), so a host that accepts connections and never answers fails in about 30 s, not
   * (1 + maxRetries) × timeoutMs. @default 30_000 from the first send @unit ms
   */
  deadlineMs?: number;
  /**
   * The header that makes a non-idempotent request safe to resend (a 5xx, timeout or reset is retried
   * only when the request carries it): a name, or per request (createApiClient passes each
   * operation's declared header, and `undefined` where it declares none). @default "Idempotency-Key"
   */
  idempotencyHeader?: string | ((request: Request, operation?: string) => string | undefined);
  /** Throw the typed error for non-2xx responses instead of returning them. @default false */
  throwOnError?: boolean;
  /**
   * Signs each attempt (after its limiter slot; see `createAuth`). Its headers and secrets are redacted
   * from errors and logs; after a 401 its `refresh` runs once per call and, when it says so, the call is retried once.
   */
  auth?: Auth;
  /** The fetch to wrap. @default globalThis.fetch */
  fetch?: typeof fetch;
  logger?: TransportLogger;
  onAttempt?: (event: AttemptEvent) => void;
  /** The API's error envelopes and request-id header (its generated meta): typed errors read `code`, `details`, `requestId` from them. @default none */
  errors?: ErrorsMeta;
  /** Header names whose values are redacted, added to the defaults (Authorization, Cookie, X-API-KEY…). @default [] */
  redactHeaders?: string[];
  /** Current time, for tests. @default Date.now @unit ms */
  clock?: () => number;
  /** Waits `ms` or rejects with the signal's reason, for tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1), for tests. @default Math.random */
  random?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 60, windowMs: 60_000 };
export const DEFAULT_RETRY = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8000 } as const;
export const DEFAULT_TIMEOUT_MS = 60_000;
/** The deadline used when none is given, counted from the first send. @unit ms */
export const DEFAULT_DEADLINE_MS = 30_000;

/** The default safety margin for a window: 1 % of it, clamped to 10–250 ms. */
export function defaultSafetyMargin(windowMs: number): number {
  return Math.min(250, Math.max(10, Math.round(windowMs / 100)));
}

/** Sleeps `ms` with a real timer; rejects with the signal's reason on abort. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
