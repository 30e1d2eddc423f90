// Per-call options and the client's method signatures. openapi-fetch's own methods accept any extra
// key (`InitParam` adds `{ [key: string]: unknown }`), so `{ timeoutMs: 1 }` compiled and did
// nothing; these redeclare `GET`/`POST`/… so only openapi-fetch's options plus {@link CallOptions}
// are accepted and anything else is a compile error. At run time openapi-fetch copies init keys the
// `Request` lacks onto the Request it hands to our fetch, which is where the transport reads them.
import type { FetchOptions, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { FilterKeys, HttpMethod, MediaType, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import type { RetryOptions } from "../options.js";

/** Options of one call, overriding the client's for that call only. */
export interface CallOptions {
  /** Per-attempt timeout for this call; 0 disables. @unit ms */
  timeoutMs?: number;
  /** Whole-call deadline (queueing, attempts, waits) for this call; 0 disables. @unit ms */
  deadlineMs?: number;
  /** Retry policy for this call, or `false` for exactly one attempt. */
  retry?: RetryOptions | false;
  /** Shorthand for `retry: { maxRetries }`. */
  maxRetries?: number;
  /**
   * Key sent in the operation's declared idempotency header (e.g. `Idempotency-Key`), the same on
   * every retry. @default a fresh UUID per call, for operations that declare such a header
   */
  idempotencyKey?: string;
  /** Throw the typed error (e.g. `NotFoundError`) instead of returning `{ error }`, for this call. */
  throwOnError?: boolean;
  /** Aborting cancels the call (queued, in flight or waiting to retry) with an `AbortError`. */
  signal?: AbortSignal;
}

type Allowed<Params, M extends keyof Params> = FetchOptions<FilterKeys<Params, M>> & CallOptions;
/** Keys outside openapi-fetch's options and {@link CallOptions} become `never`: passing one is an error. */
type Exact<Init, A> = Init & { [K in Exclude<keyof Init, keyof A>]: never };
// as in openapi-fetch, required-ness is decided on the inferred Init, after inference
type InitArgs<Init, A> = RequiredKeysOf<Init> extends never ? [init?: Exact<Init, A>] : [init: Exact<Init, A>];

/** `client.GET(path, init)` and its siblings, with per-call options and nothing else. */
export type CallMethod<Paths extends Record<string, any>, M extends HttpMethod, Media extends MediaType = MediaType> = <
  P extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[P], M> & CallOptions,
>(
  url: P,
  ...init: InitArgs<Init, Allowed<Paths[P], M>>
) => Promise<FetchResponse<Paths[P][M], Init, Media>>;

/** The typed request methods of a client. */
export interface CallMethods<Paths extends {}> {
  GET: CallMethod<Paths, "get">;
  PUT: CallMethod<Paths, "put">;
  POST: CallMethod<Paths, "post">;
  DELETE: CallMethod<Paths, "delete">;
  OPTIONS: CallMethod<Paths, "options">;
  HEAD: CallMethod<Paths, "head">;
  PATCH: CallMethod<Paths, "patch">;
  TRACE: CallMethod<Paths, "trace">;
}

/** What the transport reads off the Request openapi-fetch built (see the file comment). */
export type RequestWithCallOptions = Request & Omit<CallOptions, "signal">;

const METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
type Send = (url: string, init?: Record<string, unknown>) => Promise<unknown>;

/**
 * Makes each of the client's methods send through the transport's fetch for its operation (per-call
 * `fetch` is an openapi-fetch option), so the transport knows the path template without a
 * middleware or a mark on the Request. A call that brings its own `fetch` keeps it.
 */
export function routeOperations(client: Record<string, unknown>, fetchFor: (operation: string, callerSignal: boolean) => typeof fetch): void {
  const route = (url: string, init: Record<string, unknown> | undefined) => (init?.fetch ? init : { ...init, fetch: fetchFor(url, init?.signal != null) });
  for (const method of METHODS) {
    const send = client[method] as Send;
    client[method] = (url: string, init?: Record<string, unknown>) => send(url, route(url, init));
  }
  const request = client.request as (method: string, url: string, init?: Record<string, unknown>) => Promise<unknown>;
  client.request = (method: string, url: string, init?: Record<string, unknown>) => request(method, url, route(url, init));
}
