// The transport without pacing: retries, timeouts, typed errors and signing around one `fetch`,
// with a rate limiter plugged in when the caller has one (transport.ts builds it from options, so
// a client that paces nothing never loads the limiter). Each attempt is limiter slot (if any) →
// send → decide. The hot path (a 2xx with no hooks) builds no Request, URL or event.
import type { Middleware } from "openapi-fetch";
import type { AuthContext } from "./auth/types.js";
import type { RequestWithCallOptions } from "./client/call.js";
import { AbortError, type CallInfo, SdkError, withCallContext } from "./errors.js";
import type { RateLimiter } from "./limiter.js";
import { createTransportMiddleware, operationOf } from "./middleware.js";
import { type AttemptEvent, DEFAULT_DEADLINE_MS, DEFAULT_RATE_LIMIT, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, realSleep, type TransportOptions } from "./options.js";
import { parseRateLimitHeaders } from "./rate-limit-headers.js";
import { createRedactor, redactionSet, secretsOf } from "./redact.js";
import { errorForResponse, readBody, rememberResponse, type ResponseMeta, safePath } from "./result.js";
import { backoffDelay, type FailureKind, IDEMPOTENT_METHODS, type RetryDecision, retryAfterFrom, retryAfterNames, shouldRetry } from "./retry.js";
import { classifyFailure, disarmWhenRead, type Linked, linkSignal } from "./timeouts.js";

/** A resilient transport: pass `fetch` to openapi-fetch, `use` the middleware. */
export interface Transport {
  /** The wrapped fetch: pacing, retries, timeouts, typed errors. */
  fetch: typeof fetch;
  /** The client-wide limiter, `undefined` when `rateLimit: false`. */
  limiter: RateLimiter | undefined;
  /** Decorating middleware (operation names on events and errors); install it last. */
  middleware: Middleware;
  /**
   * The fetch for calls of one operation (cached per path template): it knows the operation
   * without a middleware or a mark on the Request. `callerSignal`: the call passed a `signal`
   * (otherwise the Request's own signal, which nothing can abort, is not followed).
   */
  fetchFor(operation: string, callerSignal: boolean): typeof fetch;
  /** Rejects every call still waiting in the limiter's queue. */
  close(): void;
}

type Config = ReturnType<typeof resolve>;

function resolve(o: TransportOptions, limiter: RateLimiter | undefined) {
  const clock = o.clock ?? Date.now;
  const rl = o.rateLimit === false ? undefined : (o.rateLimit ?? DEFAULT_RATE_LIMIT);
  const retry = o.retry === false ? { ...DEFAULT_RETRY, maxRetries: 0 } : { ...DEFAULT_RETRY, ...o.retry };
  return {
    baseFetch: o.fetch ?? globalThis.fetch,
    limiter,
    windowMs: rl?.windowMs ?? DEFAULT_RATE_LIMIT.windowMs,
    retryAfterNames: retryAfterNames(rl ? rl.retryAfterHeaders : []),
    retry,
    timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // undefined: the default deadline, counted from the first send
    deadlineMs: o.deadlineMs,
    idempotencyHeader: o.idempotencyHeader ?? "Idempotency-Key",
    throwOnError: o.throwOnError ?? false,
    auth: o.auth,
    redactNames: redactionSet([...(o.redactHeaders ?? []), ...(o.auth?.redactHeaders ?? [])]),
    errors: o.errors,
    hooks: o.onAttempt || o.logger ? o : undefined,
    clock,
    sleep: o.sleep ?? realSleep,
    random: o.random ?? Math.random,
  };
}

/**
 * The transport around `limiter` (or none: no pacing; a 429 then waits its Retry-After in the
 * call that got it). `options.rateLimit` still names the Retry-After headers and the fallback wait.
 */
export function createBaseTransport(options: TransportOptions, limiter: RateLimiter | undefined): Transport {
  const cfg = resolve(options, limiter);
  const byOperation = new Map<string, typeof fetch>();
  return {
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => call(cfg, input, init, undefined, true)) as typeof fetch,
    limiter,
    middleware: createTransportMiddleware(),
    fetchFor(operation, callerSignal) {
      const key = `${callerSignal ? "s" : "-"}${operation}`;
      let f = byOperation.get(key);
      if (!f) {
        f = ((input: RequestInfo | URL, init?: RequestInit) => call(cfg, input, init, operation, callerSignal)) as typeof fetch;
        byOperation.set(key, f);
      }
      return f;
    },
    close: () => limiter?.clear(new AbortError("The transport was closed while this call was queued.")),
  };
}

const isStream = (b: unknown): boolean => typeof b === "object" && b !== null && typeof (b as ReadableStream).getReader === "function";

type Retry = Config["retry"];

/** The client's retry policy with a call's `retry` / `maxRetries` applied. */
function retryFor(base: Retry, per: RequestWithCallOptions): Retry {
  const retry = per.retry === false ? { ...base, maxRetries: 0 } : per.retry ? { ...base, ...per.retry } : base;
  return per.maxRetries !== undefined ? { ...retry, maxRetries: per.maxRetries } : retry;
}

/** The idempotency header that makes this request safe to resend, if any. */
function idempotencyHeaderOf(cfg: Config, request: Request | undefined, operation: string | undefined): string | undefined {
  const h = cfg.idempotencyHeader;
  return typeof h === "string" ? h : request && h(request, operation);
}

/**
 * One call, every attempt. `op`: the operation's path template when the call came through
 * {@link Transport.fetchFor} (an SDK client's method), so the Request is openapi-fetch's own.
 */
async function call(cfg: Config, input: RequestInfo | URL, init: RequestInit | undefined, op: string | undefined, callerSignal: boolean): Promise<Response> {
  const operation = op ?? (input instanceof Request ? operationOf(input) : undefined);
  // a stream body can be read once: turn it into a Request so attempts can clone it; auth signs
  // Requests in place, so a caller's own Request (not one openapi-fetch built) is copied first
  const request =
    input instanceof Request
      ? cfg.auth && operation === undefined
        ? new Request(input)
        : input
      : isStream(init?.body) || cfg.auth
        ? new Request(input, init)
        : undefined;
  const method = request ? request.method : (init?.method ?? "GET").toUpperCase();
  // per-call options: openapi-fetch copied them onto the Request (see client/call.ts)
  const per = request as RequestWithCallOptions | undefined;
  const retry = per && (per.retry !== undefined || per.maxRetries !== undefined) ? retryFor(cfg.retry, per) : cfg.retry;
  const timeoutMs = per?.timeoutMs ?? cfg.timeoutMs;
  const deadlineMs = per?.deadlineMs ?? cfg.deadlineMs;
  const throwOnError = per?.throwOnError ?? cfg.throwOnError;
  // an SDK call without a caller's signal has a Request whose own signal nothing can abort: not
  // following it saves two listener calls per attempt
  const userSignal = request ? (callerSignal ? request.signal : undefined) : (init?.signal ?? undefined);
  const url = request ? request.url : input instanceof URL ? input.href : String(input);
  const info: CallInfo = new LazyCallInfo(method, url);
  const reqHeaders = () => request?.headers ?? new Headers(init?.headers);
  if (per?.idempotencyKey !== undefined) setIdempotencyKey(cfg, request!, operation, per.idempotencyKey, info);
  // an explicit deadline bounds everything from here; the default one starts at the first send and
  // is enforced by capping each attempt's timer (no second timer on the hot path)
  const defaultDeadline = deadlineMs === undefined;
  let deadlineAt = deadlineMs! > 0 ? cfg.clock() + deadlineMs! : Number.POSITIVE_INFINITY;
  const whole = deadlineMs! > 0 ? linkSignal(userSignal, deadlineMs!, info, "the call deadline") : undefined;
  const callSignal = whole?.signal ?? userSignal;
  // the clone is made before the first send; each retry sends a fresh clone of it
  const template = request && request.body !== null && (retry.maxRetries > 0 || cfg.auth?.refresh) ? request.clone() : undefined;
  // the request as last sent (signed by auth): its credentials are what errors must scrub
  let sent: Request | undefined;
  let refreshed = false;

  for (let attempt = 1; ; attempt++) {
    let waitedMs = 0;
    if (cfg.limiter) {
      try {
        // a free slot is taken synchronously: no promise, no await
        if (callSignal?.aborted || !cfg.limiter.tryAcquire()) waitedMs = await cfg.limiter.acquire(callSignal);
      } catch (e) {
        throw callSignal?.aborted ? classifyFailure(e, callSignal, userSignal, info) : e;
      }
    }
    let target = attempt > 1 && template ? template.clone() : (request ?? input);
    if (cfg.auth) {
      // after the slot, so a token fetched for a queued call is as fresh as possible
      try {
        const signed = cfg.auth.authorize(target as Request, authContext(cfg, request!, callSignal));
        // static credentials sign synchronously: awaiting only a real promise saves a tick per attempt
        target = sent = signed instanceof Promise ? await signed : signed;
      } catch (e) {
        cfg.limiter?.release();
        whole?.detach();
        throw callSignal?.aborted ? classifyFailure(e, callSignal, userSignal, info) : e;
      }
    }
    let attemptMs = timeoutMs;
    let limitName = "the per-attempt timeout";
    let shownMs = timeoutMs;
    if (defaultDeadline) {
      const now = cfg.clock();
      if (attempt === 1) deadlineAt = now + DEFAULT_DEADLINE_MS;
      const left = deadlineAt - now;
      if (attemptMs <= 0 || left < attemptMs) {
        attemptMs = Math.max(1, left);
        limitName = "the default call deadline";
        shownMs = DEFAULT_DEADLINE_MS;
      }
    }
    const link: Linked | undefined = attemptMs > 0 ? linkSignal(callSignal, attemptMs, info, limitName, shownMs) : undefined;
    const signal = link?.signal ?? whole?.signal;
    let res: Response | undefined;
    let failure: SdkError | undefined;
    try {
      res = await (request
        ? signal ? cfg.baseFetch(target, { signal }) : cfg.baseFetch(target)
        : cfg.baseFetch(input, signal ? { ...init, signal } : init));
    } catch (e) {
      failure = classifyFailure(e, signal, userSignal, info);
      link?.cancel();
    } finally {
      cfg.limiter?.release();
    }
    link?.detach();
    const throttleMs = res && (res.status === 429 || res.status === 503) ? retryAfterFrom(res.headers, cfg.retryAfterNames, cfg.clock()) : undefined;
    cfg.limiter?.observe(res?.status, res?.headers, throttleMs);
    // hot path: success with nobody listening
    if (res && res.status < 400 && !cfg.hooks) {
      whole?.detach();
      disarmWhenRead(res, link, whole);
      return res;
    }

    const status = res?.status;
    const kind: FailureKind | undefined = failure ? (failure.name === "TimeoutError" ? "timeout" : failure.name === "AbortError" ? "abort" : "connection") : undefined;
    let retryAfterMs = throttleMs;
    // a 503 that names a delay is throttling too (Sage answers load with 503 + X-IA-*-RetryAfter)
    const throttled = status === 429 || (status === 503 && retryAfterMs !== undefined);
    if (throttled) {
      retryAfterMs ??= cfg.windowMs;
      // one 429 pauses the whole client (and, through a shared store, every process on the key)
      await cfg.limiter?.pause(retryAfterMs).catch(() => undefined);
    }
    const idempotencyHeader = IDEMPOTENT_METHODS.has(method) ? undefined : idempotencyHeaderOf(cfg, request, operation);
    let decision: RetryDecision =
      status !== undefined && status < 400
        ? { retry: false, reason: "success" }
        : shouldRetry({
            method,
            status,
            failure: kind,
            idempotencyKey: idempotencyHeader !== undefined && reqHeaders().has(idempotencyHeader),
            ...(idempotencyHeader && { idempotencyHeader }),
            attempt,
            maxRetries: retry.maxRetries,
          });
    const { retryOn } = retry;
    if (retryOn && (status === undefined || status >= 400) && kind !== "abort" && attempt <= retry.maxRetries) {
      const forced = retryOn({ method, path: info.path, attempt, status, failure: kind });
      if (forced !== undefined) decision = { retry: forced, reason: `retryOn returned ${forced}` };
    }
    if (status === 401 && cfg.auth?.refresh && !refreshed) {
      // once per call: a second 401 with fresh credentials is the server's final word
      refreshed = true;
      let renewed: boolean;
      try {
        renewed = await cfg.auth.refresh(authContext(cfg, request!, callSignal), sent);
      } catch (e) {
        link?.cancel();
        whole?.detach();
        await res?.body?.cancel().catch(() => undefined);
        throw callSignal?.aborted ? classifyFailure(e, callSignal, userSignal, info) : e;
      }
      if (renewed) decision = { retry: true, reason: "401: credentials renewed, retrying once" };
    }
    let delay = 0;
    if (decision.retry) {
      // with a limiter the 429 pause is the wait; without one we sleep it here (plus jitter)
      if (throttled) delay = cfg.limiter ? 0 : retryAfterMs! + cfg.random() * 100;
      else if (status === 401) delay = 0;
      else delay = retryAfterMs ?? backoffDelay(attempt, retry, cfg.random);
      if (cfg.clock() + Math.max(delay, throttled ? retryAfterMs! : 0) >= deadlineAt) {
        decision = { retry: false, reason: "the call deadline leaves no time for another attempt" };
      }
    }
    if (cfg.hooks) emit(cfg, { info, operation, attempt, status, kind, waitedMs, decision, delay, retryAfterMs, res });

    if (!decision.retry) {
      whole?.detach();
      if (failure) throw withCallContext(failure, url, attempt);
      if (res!.ok) {
        disarmWhenRead(res!, link, whole);
        return res!;
      }
      return finishError(throwOnError, res!, { method, path: info.path, operation, attempts: attempt, retryAfterMs, errors: cfg.errors, redactor: createRedactor(cfg.redactNames, callSecrets(cfg, sent?.headers ?? reqHeaders())) }, link);
    }
    link?.cancel();
    await res?.body?.cancel().catch(() => undefined);
    if (delay > 0) {
      try {
        await cfg.sleep(delay, callSignal);
      } catch (e) {
        throw classifyFailure(e, callSignal, userSignal, info);
      }
    }
  }
}

/** The method and the URL's path; the path is parsed only when something needs it (errors, events). */
class LazyCallInfo implements CallInfo {
  #path: string | undefined;
  constructor(
    readonly method: string,
    private readonly url: string,
  ) {}
  get path(): string {
    this.#path ??= safePath(this.url);
    return this.#path;
  }
}

/** What `authorize` may use; a class, so building one per attempt is a plain allocation. */
class LazyAuthContext implements AuthContext {
  constructor(
    readonly fetch: typeof globalThis.fetch,
    private readonly request: Request,
    readonly signal: AbortSignal | undefined,
  ) {}
  /** A relative token URL is relative to the API's origin, which is the request's (parsed only if asked). */
  get baseUrl(): string {
    return new URL(this.request.url).origin;
  }
}

function authContext(cfg: Config, request: Request, signal: AbortSignal | undefined): AuthContext {
  return new LazyAuthContext(cfg.baseFetch, request, signal);
}

/** Secret values to scrub from an error: those in the sent headers plus what the auth strategy holds. */
function callSecrets(cfg: Config, headers: Headers): string[] {
  const fromHeaders = secretsOf(headers, cfg.redactNames);
  if (!cfg.auth) return fromHeaders;
  const all = new Set([...fromHeaders, ...cfg.auth.secrets().filter((s) => s.length >= 4)]);
  return [...all].sort((a, b) => b.length - a.length);
}

/** Sends a call's `idempotencyKey` in the operation's idempotency header; refuses where it declares none. */
function setIdempotencyKey(cfg: Config, request: Request, operation: string | undefined, key: string, info: CallInfo): void {
  const name = idempotencyHeaderOf(cfg, request, operation);
  if (!name) {
    throw new SdkError(`${info.method} ${info.path} declares no idempotency header, so the server would ignore \`idempotencyKey\`: remove the option for this call.`);
  }
  request.headers.set(name, key);
}

async function finishError(throwOnError: boolean, res: Response, meta: ResponseMeta, link: Linked | undefined): Promise<Response> {
  if (!throwOnError) {
    rememberResponse(res, meta);
    disarmWhenRead(res, link);
    return res;
  }
  const body = await readBody(res);
  link?.cancel();
  throw errorForResponse(res, body, meta);
}

interface EmitInput {
  info: CallInfo;
  operation: string | undefined;
  attempt: number;
  status: number | undefined;
  kind: FailureKind | undefined;
  waitedMs: number;
  decision: RetryDecision;
  delay: number;
  retryAfterMs: number | undefined;
  res: Response | undefined;
}

function emit(cfg: Config, x: EmitInput): void {
  const event: AttemptEvent = {
    method: x.info.method,
    path: x.info.path,
    operation: x.operation,
    attempt: x.attempt,
    status: x.status,
    error: x.kind,
    waitedMs: x.waitedMs,
    queueLength: cfg.limiter?.queueLength ?? 0,
    retry: x.decision.retry,
    reason: x.decision.reason,
    retryInMs: x.decision.retry ? x.delay : undefined,
    retryAfterMs: x.retryAfterMs,
    rateLimit: x.res && parseRateLimitHeaders(x.res.headers, cfg.clock()),
    budget: cfg.limiter?.budget(),
  };
  for (const k of Object.keys(event) as (keyof AttemptEvent)[]) if (event[k] === undefined) delete event[k];
  const outcome = x.status !== undefined ? String(x.status) : (x.kind ?? "?");
  const message = `${event.method} ${event.path} → ${outcome} (attempt ${x.attempt}${x.decision.retry ? `, retrying: ${x.decision.reason}` : ""})`;
  const failed = x.kind !== undefined || (x.status ?? 0) >= 400;
  // a throwing hook must not break the call it observes
  try {
    cfg.hooks?.onAttempt?.(event);
    cfg.hooks?.logger?.debug?.(message, event);
    if (failed) cfg.hooks?.logger?.warn?.(message, event);
  } catch {}
}
