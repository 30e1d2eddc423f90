// Retry policy as small pure functions: when to retry (a decision table), how long to wait
// (Retry-After, else exponential backoff with full jitter).

/** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** How an attempt failed when no response arrived. */
export type FailureKind = "timeout" | "connection" | "abort";

/** One attempt's outcome, as the decision table sees it. */
export interface RetryInput {
  method: string;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Why no response arrived. */
  failure?: FailureKind;
  /** The request carries a key in the operation's idempotency header (whatever its name). */
  idempotencyKey: boolean;
  /** That header's name, for the reason text (e.g. `X-Idempotency-Token`). @default "Idempotency-Key" */
  idempotencyHeader?: string;
  /** 1-based number of the attempt that just finished. */
  attempt: number;
  maxRetries: number;
}

/** The verdict, with the reason (for logs and events). */
export interface RetryDecision {
  retry: boolean;
  reason: string;
}

/** Decides whether the attempt that just finished may be sent again. */
export function shouldRetry(input: RetryInput): RetryDecision {
  const { method, status, failure } = input;
  // the caller asked to stop: never second-guess an abort
  if (failure === "abort") return { retry: false, reason: "aborted by caller" };
  // success, redirects and plain client errors will not change by asking again
  if (status !== undefined && status !== 408 && status !== 429 && status < 500) {
    return { retry: false, reason: `status ${status} is final` };
  }
  if (input.attempt > input.maxRetries) return { retry: false, reason: `retries exhausted (${input.maxRetries})` };
  // 429 means the server refused before doing anything, so even a POST is safe to send again
  if (status === 429) return { retry: true, reason: "rate limited (429): the request was not processed" };
  // 501/505 say the server cannot do this at all; repeating cannot help
  if (status === 501 || status === 505) return { retry: false, reason: `status ${status} is permanent` };
  // after a 5xx, 408, timeout or dropped connection the server may have acted on the request:
  // only an idempotent method or an idempotency key the operation declares makes a second send harmless
  const what = status !== undefined ? `status ${status}` : failure === "timeout" ? "timeout" : "connection failure";
  if (IDEMPOTENT_METHODS.has(method.toUpperCase())) return { retry: true, reason: `${what} on idempotent ${method}` };
  if (input.idempotencyKey) return { retry: true, reason: `${what}; ${method} carries an idempotency key (${input.idempotencyHeader ?? "Idempotency-Key"})` };
  // no advice to send a key: not every operation declares a header the server would honour
  return { retry: false, reason: `${what} on ${method}: may have been applied, not resent` };
}

/** Backoff settings. */
export interface BackoffOptions {
  /** First retry's upper bound. @unit ms */
  baseDelayMs: number;
  /** Cap of any single delay. @unit ms */
  maxDelayMs: number;
}

/**
 * Exponential backoff with full jitter: uniform in [0, min(max, base · 2^(retry-1))).
 * Full jitter spreads synchronized clients best (AWS architecture blog, "Exponential Backoff And Jitter").
 * @param retry 1 for the first retry.
 */
export function backoffDelay(retry: number, opts: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Parses a Retry-After value (delta-seconds or HTTP-date) into milliseconds from `now`.
 * Returns `undefined` when absent or unparseable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  // RFC 9110 says integer seconds; a few servers send fractions, which are harmless to honour
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  // anything else numeric-looking (negative, "1e3", "10s") is malformed, not a date
  if (/^[-+]?[\d.]/.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Header names (lower-case) or `*` patterns, compiled once for {@link retryAfterFrom}. */
export type RetryAfterNames = readonly (string | RegExp)[];

/** Compiles extra retry-delay header names; `*` matches any run of characters (`X-IA-*-RetryAfter`). */
export function retryAfterNames(names: readonly string[] = []): RetryAfterNames {
  return names.map((n) =>
    n.includes("*") ? new RegExp(`^${n.toLowerCase().split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`) : n.toLowerCase(),
  );
}

/**
 * The longest delay any retry header asks for: `Retry-After` plus the vendor's own (e.g. Sage's
 * `X-IA-*-RetryAfter` variants), each seconds or an HTTP date. `undefined` when none parses.
 */
export function retryAfterFrom(headers: Headers, extra: RetryAfterNames = [], now: number = Date.now()): number | undefined {
  let out = parseRetryAfter(headers.get("retry-after"), now);
  if (!extra.length) return out;
  const take = (v: string | null) => {
    const ms = parseRetryAfter(v, now);
    if (ms !== undefined) out = Math.max(out ?? 0, ms);
  };
  const patterns = extra.filter((n): n is RegExp => typeof n !== "string");
  for (const n of extra) if (typeof n === "string") take(headers.get(n));
  if (patterns.length) {
    for (const [k, v] of headers) if (patterns.some((p) => p.test(k))) take(v);
  }
  return out;
}
