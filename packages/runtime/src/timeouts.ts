// Per-attempt timeouts and the call deadline. Our own timers abort with a ready-made TimeoutError
// and a caller's abort is forwarded as an AbortError, so the two are never confused, even when
// the failure surfaces later while the body is being read.
import { AbortError, type CallInfo, ConnectionError, SdkError, TimeoutError } from "./errors.js";

/** A signal that aborts after `ms` or when `parent` aborts. */
export interface Linked {
  signal: AbortSignal;
  /** Disarms the timer and stops following `parent`. */
  cancel(): void;
  /** Stops following `parent` but keeps the timer (it still bounds the body). */
  detach(): void;
}

// One object per attempt, methods on the prototype and the timer's callback shared: an attempt on
// the hot path allocates the controller, the timer and this, and no closures (allocation was most
// of what a timeout cost per request; bench/transport.ts).
class LinkedSignal implements Linked {
  readonly #ctrl = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #parent: AbortSignal | undefined;
  #onAbort: (() => void) | undefined;

  constructor(
    parent: AbortSignal | undefined,
    ms: number,
    readonly info: CallInfo,
    readonly what: string,
    readonly shownMs: number,
  ) {
    if (ms > 0 && Number.isFinite(ms)) {
      if (ms >= SWEPT_MS) watch(this, ms);
      else {
        this.#timer = setTimeout(fire, ms, this);
        this.#timer.unref?.();
      }
    }
    if (parent) {
      this.#parent = parent;
      this.#onAbort = () => this.#ctrl.abort(abortReason(parent.reason, info));
      if (parent.aborted) this.#onAbort();
      else parent.addEventListener("abort", this.#onAbort, { once: true });
    }
  }

  get signal(): AbortSignal {
    return this.#ctrl.signal;
  }

  /** The timer's callback (through {@link fire}). */
  expire(): void {
    this.detach();
    this.#ctrl.abort(new TimeoutError(`${this.info.method} ${this.info.path} timed out: ${this.what} of ${this.shownMs} ms passed.`, this.info));
  }

  cancel(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    else swept.delete(this);
    this.detach();
  }

  detach(): void {
    if (this.#onAbort) this.#parent!.removeEventListener("abort", this.#onAbort);
    this.#onAbort = undefined;
  }
}

function fire(link: LinkedSignal): void {
  link.expire();
}

// Long limits (the 60 s attempt timeout, the 30 s default deadline) share one sweeper instead of a
// timer each: arming and clearing a timer per request, whose list then empties and re-arms the
// event loop's timer, cost more than the rest of the timeout (bench/transport.ts). A swept limit
// fires at most SWEEP_TICK_MS late (2 % of the shortest swept limit); shorter ones keep their
// own exact timer.
const SWEPT_MS = 5_000;
const SWEEP_TICK_MS = 100;
/** Armed swept limits and when each is due (ms since the epoch). */
const swept = new Map<LinkedSignal, number>();
let sweeper: ReturnType<typeof setInterval> | undefined;

function watch(link: LinkedSignal, ms: number): void {
  swept.set(link, Date.now() + ms);
  if (sweeper === undefined) {
    sweeper = setInterval(sweep, SWEEP_TICK_MS);
    sweeper.unref?.();
  }
}

function sweep(): void {
  // idle: stop until the next armed limit (a process with no calls in flight runs no timer)
  if (swept.size === 0) {
    clearInterval(sweeper);
    sweeper = undefined;
    return;
  }
  const now = Date.now();
  for (const [link, due] of swept) {
    if (due > now) continue;
    swept.delete(link);
    link.expire();
  }
}

/**
 * Links a new signal to `parent` with an optional timer (unref'd, so it never keeps the process
 * alive). The timer stays armed after the headers arrive so it also bounds reading the body;
 * `detach` then drops the listener on `parent`, so a caller's long-lived signal shared by many
 * calls does not collect one listener per call.
 */
export function linkSignal(parent: AbortSignal | undefined, ms: number, info: CallInfo, what: string, shownMs: number = ms): Linked {
  return new LinkedSignal(parent, ms, info, what, shownMs);
}

const BODY_READERS = ["json", "text", "arrayBuffer", "blob", "formData", "bytes"] as const;
type BodyReader = (typeof BODY_READERS)[number];
const LINKS = Symbol("apiforge.timers");
type Timed = Response & { [LINKS]: [Linked | undefined, Linked | undefined] };

// The reader methods a timed Response gets, shared by every response: each calls the prototype's
// reader and disarms the response's timers once the body is read (or fails).
const timedReaders = Object.fromEntries(
  BODY_READERS.map((name) => [
    name,
    function (this: Timed, ...args: unknown[]): Promise<unknown> {
      const read = (Object.getPrototypeOf(this) as Record<BodyReader, (...x: unknown[]) => Promise<unknown>>)[name];
      return read.apply(this, args).finally(() => disarm(this));
    },
  ]),
) as Record<BodyReader, (...args: unknown[]) => Promise<unknown>>;

function disarm(res: Timed): void {
  cancelBoth(...res[LINKS]);
}

function cancelBoth(a: Linked | undefined, b: Linked | undefined): void {
  a?.cancel();
  b?.cancel();
}

/**
 * Disarms `links` once the body has been read through one of the Response's reader methods (what
 * openapi-fetch and most callers do), so a finished call does not hold a timer and a controller
 * until `timeoutMs` passes. Until then the timers keep bounding a stalled body; a caller who reads
 * `res.body` as a stream keeps them armed until they fire, which is harmless.
 */
export function disarmWhenRead(res: Response, a: Linked | undefined, b?: Linked | undefined): void {
  if (!a && !b) return;
  if (res.body === null) {
    cancelBoth(a, b);
    return;
  }
  const target = res as Timed;
  target[LINKS] = [a, b];
  for (const name of BODY_READERS) if (typeof target[name] === "function") target[name] = timedReaders[name] as never;
}

/** Our own typed reasons pass through; anything else came from the caller's signal. */
export function abortReason(reason: unknown, info: CallInfo): SdkError {
  if (reason instanceof SdkError) return reason;
  return new AbortError(`${info.method} ${info.path} was aborted by the caller.`, { method: info.method, path: info.path, cause: reason });
}

/** Turns whatever `fetch` rejected with into a typed error. */
export function classifyFailure(err: unknown, signal: AbortSignal | undefined, userSignal: AbortSignal | undefined, info: CallInfo): SdkError {
  if (err instanceof SdkError) return err;
  if (signal?.aborted) return abortReason(signal.reason, info);
  if (userSignal?.aborted) return abortReason(userSignal.reason, info);
  const code = causeCode(err);
  const detail = code ? ` (${code})` : err instanceof Error ? ` (${err.message})` : "";
  return new ConnectionError(`${info.method} ${info.path} could not complete: connection failed${detail}.`, { method: info.method, path: info.path, cause: err });
}

function causeCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
