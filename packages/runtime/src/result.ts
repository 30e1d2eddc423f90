// The `{ data, error, response }` contract stays for callers who use it; `unwrap` turns it into
// the throwing style. openapi-fetch has already parsed the error body by then, but not kept the
// method or our attempt count: the transport records those per error response (only for those).
import type { ErrorsMeta } from "./api-meta.js";
import { type ApiError, errorFromResponse } from "./errors.js";
import { parseRateLimitHeaders } from "./rate-limit-headers.js";
import { createRedactor, type Redactor, redactionSet } from "./redact.js";

/** What the transport knew about the call that produced an error response. */
export interface ResponseMeta {
  method: string;
  path: string;
  operation?: string;
  attempts: number;
  retryAfterMs?: number;
  redactor: Redactor;
  /** The API's error envelopes and request-id header. */
  errors?: ErrorsMeta;
}

const metas = new WeakMap<Response, ResponseMeta>();
const fallbackRedactor = createRedactor(redactionSet());

/** Remembers the call behind an error response (for {@link unwrap}). */
export function rememberResponse(response: Response, meta: ResponseMeta): void {
  metas.set(response, meta);
}

/** Builds the typed error for an error response whose body has already been parsed. */
export function errorForResponse(response: Response, body: unknown, meta: ResponseMeta | undefined = metas.get(response)): ApiError {
  const redactor = meta?.redactor ?? fallbackRedactor;
  const err = errorFromResponse({
    status: response.status,
    headers: redactor.headers(response.headers),
    body: redactor.value(body),
    method: meta?.method ?? "HTTP",
    path: meta?.path ?? safePath(response.url),
    attempts: meta?.attempts,
    retryAfterMs: meta?.retryAfterMs,
    rateLimit: parseRateLimitHeaders(response.headers),
    scrub: redactor.text,
    ...(hostOf(response.url) && { host: hostOf(response.url) }),
    ...(meta?.errors && { errors: meta.errors }),
  });
  if (meta?.operation) Object.assign(err, { operation: meta.operation });
  return err;
}

/** Reads an error body: JSON when it parses, else the text, `undefined` when empty. */
export async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A result of an openapi-fetch call. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Returns `data`, or throws the typed error (e.g. `NotFoundError`) for a non-2xx response.
 * @example const pet = unwrap(await client.GET("/pets/{id}", { params: { path: { id } } }));
 */
export function unwrap<R extends FetchResult>(result: R): R extends { data: infer D } ? D : never {
  if (!result.response.ok) throw errorForResponse(result.response, result.error);
  return result.data as R extends { data: infer D } ? D : never;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

export function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split("?")[0] ?? url;
  }
}
