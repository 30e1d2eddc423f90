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

/**
 * Links a new signal to `parent` with an optional timer (unref'd, so it never keeps the process
 * alive). The timer stays armed after the headers arrive so it also bounds reading the body;
 * `detach` then drops the listener on `parent`, so a caller's long-lived signal shared by many
 * calls does not collect one listener per call.
 */
export function linkSignal(parent: AbortSignal | undefined, ms: number, info: CallInfo, what: string, shownMs: number = ms): Linked {
  const ctrl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const detach = () => {
    if (onAbort) parent!.removeEventListener("abort", onAbort);
    onAbort = undefined;
  };
  if (ms > 0 && Number.isFinite(ms)) {
    timer = setTimeout(() => {
      detach();
      ctrl.abort(new TimeoutError(`${info.method} ${info.path} timed out: ${what} of ${shownMs} ms passed.`, info));
    }, ms);
    timer.unref?.();
  }
  if (parent) {
    onAbort = () => ctrl.abort(abortReason(parent.reason, info));
    if (parent.aborted) onAbort();
    else parent.addEventListener("abort", onAbort, { once: true });
  }
  return {
    signal: ctrl.signal,
    cancel() {
      clearTimeout(timer);
      detach();
    },
    detach,
  };
}

const BODY_READERS = ["json", "text", "arrayBuffer", "blob", "formData", "bytes"] as const;

/**
 * Disarms `links` once the body has been read through one of the Response's reader methods (what
 * openapi-fetch and most callers do), so a finished call does not hold a timer and a controller
 * until `timeoutMs` passes. Until then the timers keep bounding a stalled body; a caller who reads
 * `res.body` as a stream keeps them armed until they fire, which is harmless.
 */
export function disarmWhenRead(res: Response, a: Linked | undefined, b?: Linked | undefined): void {
  if (!a && !b) return;
  const done = () => {
    a?.cancel();
    b?.cancel();
  };
  if (res.body === null) {
    done();
    return;
  }
  const target = res as unknown as Record<string, unknown>;
  for (const name of BODY_READERS) {
    const read = target[name];
    if (typeof read === "function") target[name] = (...args: unknown[]) => (read as (...x: unknown[]) => Promise<unknown>).apply(res, args).finally(done);
  }
}

/** Our own typed reasons pass through; anything else came from the caller's signal. */
export function abortReason(reason: unknown, info: CallInfo): SdkError {
  if (reason instanceof SdkError) return reason;
  return new AbortError(`${info.method} ${info.path} was aborted by the caller.`, { ...info, cause: reason });
}

/** Turns whatever `fetch` rejected with into a typed error. */
export function classifyFailure(err: unknown, signal: AbortSignal | undefined, userSignal: AbortSignal | undefined, info: CallInfo): SdkError {
  if (err instanceof SdkError) return err;
  if (signal?.aborted) return abortReason(signal.reason, info);
  if (userSignal?.aborted) return abortReason(userSignal.reason, info);
  const code = causeCode(err);
  const detail = code ? ` (${code})` : err instanceof Error ? ` (${err.message})` : "";
  return new ConnectionError(`${info.method} ${info.path} could not complete: connection failed${detail}.`, { ...info, cause: err });
}

function causeCode(err: unknown): string | undefined {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 4; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
