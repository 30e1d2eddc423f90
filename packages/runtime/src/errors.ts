// Typed errors: one base class, one status → class table, one factory (errorFromResponse).
// Messages name the call, the status, the server's own words and a fix when we know one.
import type { ErrorsMeta } from "./api-meta.js";
import { issuesFrom, type ParsedError, parseErrorBody, type ValidationIssue } from "./errors/envelope.js";
import type { RateLimitInfo } from "./rate-limit-headers.js";

export { issuesFrom, type ParsedError, parseErrorBody, type ValidationIssue } from "./errors/envelope.js";

/** The call an error belongs to. `path` is the URL path without the query string. */
export interface CallInfo {
  method: string;
  path: string;
}

/** Base class of every error the transport throws. */
export class SdkError extends Error {
  override name = "SdkError";
}

/** A chunked write was asked for with an impossible chunk size. */
export class ChunkError extends SdkError {
  override name = "ChunkError";
}

/** Everything {@link errorFromResponse} needs; `headers` must already be redacted. */
export interface ApiErrorInit extends CallInfo {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** Attempts made before giving up (1 = no retry). @default 1 */
  attempts?: number;
  /** Server's Retry-After, when it sent one. @unit ms */
  retryAfterMs?: number;
  rateLimit?: RateLimitInfo;
  /** Scrubs secrets out of the server's text; identity by default. */
  scrub?: (text: string) => string;
  /** Host (and port) the call went to, named in the message. */
  host?: string;
  /** The API's error envelopes and request-id header (from its generated meta). */
  errors?: ErrorsMeta;
}

const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "x-amz-request-id", "cf-ray"];

/** The server answered with a non-2xx status. */
export class ApiError extends SdkError {
  override name = "ApiError";
  /** What to do about it, when known. */
  static fix: string | undefined = undefined;
  readonly status: number;
  /** Response headers, with secret values redacted. */
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly rateLimit: RateLimitInfo | undefined;
  /** The server's error code from its envelope (e.g. Sage `code`), when it sent one. */
  readonly code: string | undefined;
  /** The server's id for this failure (e.g. Sage `errorId`), when it sent one. */
  readonly errorId: string | undefined;
  /** Per-field or per-item problems the envelope listed (empty when none). */
  readonly details: ValidationIssue[];

  constructor(init: ApiErrorInit) {
    const parsed = parseErrorBody(init.body, init.errors);
    super(apiMessage(init, new.target.fix, parsed));
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.requestId = requestIdFrom(init.headers, init.errors?.requestIdHeader, parsed?.requestId);
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts ?? 1;
    this.rateLimit = init.rateLimit;
    this.code = parsed?.code;
    this.errorId = parsed?.errorId;
    this.details = parsed?.details.length ? parsed.details : validationIssues(init.body);
  }
}

/** The request id: the API's own header, else its envelope's id, else a common request-id header. */
export function requestIdFrom(headers: Record<string, string> | Headers, header?: string, fromBody?: string): string | undefined {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name.toLowerCase()]) || undefined;
  return (header && get(header)) || fromBody || REQUEST_ID_HEADERS.map(get).find(Boolean);
}

/** 400 or 422: the request was malformed or failed validation. */
export class ValidationError extends ApiError {
  override name = "ValidationError";
  static override fix = "Fix the request fields listed in `errors` and send it again.";
  /** The problem-details `errors`, normalised from an array of strings/objects or a field → messages map. */
  readonly errors: ValidationIssue[];
  constructor(init: ApiErrorInit) {
    super(init);
    this.errors = this.details;
  }
}

/** 401: missing or wrong credentials. */
export class AuthenticationError extends ApiError {
  override name = "AuthenticationError";
  static override fix = "Check the API key header (is it set, current, and for this environment?).";
}

/** 403: the credentials are valid but not allowed to do this. */
export class PermissionDeniedError extends ApiError {
  override name = "PermissionDeniedError";
  static override fix = "Check the key's scopes/role for this operation.";
}

/** 404: the resource (or the route) does not exist. */
export class NotFoundError extends ApiError {
  override name = "NotFoundError";
  static override fix = "Check the ids in the path and that the resource was not deleted.";
}

/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends ApiError {
  override name = "ConflictError";
  static override fix = "Re-read the resource and retry with its current state, or use a new unique value.";
}

/** 429: rate limited, and the retries allowed were spent. */
export class RateLimitError extends ApiError {
  override name = "RateLimitError";
  static override fix =
    "Lower the request rate (rateLimit.limit), or share one rate-limit store between processes that use the same key.";
  /** How long the server asked us to wait. @unit ms */
  readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 426 (as Clientary uses it): the account's plan does not allow more of this resource. */
export class PlanLimitError extends ApiError {
  override name = "PlanLimitError";
  static override fix = "The account's plan limit was reached: upgrade the plan or remove unused records, then retry.";
}

/** 5xx: the server failed. Safe to retry only when the operation is idempotent. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
  // no advice to send an idempotency key: only operations whose spec declares one can use it, and the SDK sends it by itself
  static override fix = "The server failed; try again later.";
}

/** Options shared by the transport-level errors. */
export interface TransportErrorInit extends Partial<CallInfo> {
  cause?: unknown;
}

class CallError extends SdkError {
  readonly method: string | undefined;
  readonly path: string | undefined;
  /** Host (and port) the call went to, once the transport gave up. */
  host: string | undefined;
  /** Attempts made before giving up, once the transport gave up. */
  attempts: number | undefined;
  constructor(message: string, init: TransportErrorInit = {}) {
    super(message, { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
  }
}

/**
 * Completes a transport failure's message when the call gives up: the host it was sent to and the
 * attempts made, as one more sentence (once, even if the same error object is thrown again).
 */
export function withCallContext<E extends SdkError>(err: E, url: string, attempts: number): E {
  if (!(err instanceof CallError) || err.attempts !== undefined) return err;
  let host: string | undefined;
  try {
    host = new URL(url).host || undefined;
  } catch {}
  err.host = host;
  err.attempts = attempts;
  err.message = `${sentence(err.message)} ${host ? `Sent to ${host}; gave` : "Gave"} up after ${attempts} attempt${attempts === 1 ? "" : "s"}.`;
  return err;
}

/** The connection failed (refused, reset, DNS) before a complete response arrived. */
export class ConnectionError extends CallError {
  override name = "ConnectionError";
}

/** A per-attempt timeout or the call deadline ran out. */
export class TimeoutError extends CallError {
  override name = "TimeoutError";
}

/** The caller's AbortSignal aborted the call; `cause` is the signal's reason. */
export class AbortError extends CallError {
  override name = "AbortError";
}

type ApiErrorClass = new (init: ApiErrorInit) => ApiError;

/** The single status → class table. 5xx falls through to InternalServerError, other codes to ApiError. */
export const ERROR_BY_STATUS: Readonly<Record<number, ApiErrorClass>> = {
  400: ValidationError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: ValidationError,
  426: PlanLimitError,
  429: RateLimitError,
};

/** Maps an error response to its typed error. */
export function errorFromResponse(init: ApiErrorInit): ApiError {
  const Class = ERROR_BY_STATUS[init.status] ?? (init.status >= 500 ? InternalServerError : ApiError);
  return new Class(init);
}

/** The human text in a problem-details / `{error}` / `{message}` body, or a short raw body. */
export function serverText(body: unknown): string | undefined {
  if (typeof body === "string") return body.trim() ? body.trim().slice(0, 300) : undefined;
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  const err = b.error && typeof b.error === "object" ? (b.error as Record<string, unknown>) : undefined;
  const parts = [b.title, b.detail ?? b.message ?? err?.message ?? b.error].filter((p) => typeof p === "string" && p);
  return parts.length ? [...new Set(parts)].join(": ") : undefined;
}

/** `text` as one sentence: trailing dots and spaces collapsed to exactly one period. */
export function sentence(text: string): string {
  const t = text.trim().replace(/[.\s]+$/, "");
  return t ? `${t}.` : "";
}

function apiMessage(init: ApiErrorInit, fix: string | undefined, parsed: ParsedError | undefined): string {
  const scrub = init.scrub ?? ((s: string) => s);
  // the generic reading ("Title: detail") wins when it already holds the envelope's message: it says more
  const generic = serverText(init.body);
  const text = parsed?.message && !generic?.includes(parsed.message) ? parsed.message : (generic ?? parsed?.message);
  let head = `${init.method} ${init.path} failed with ${init.status}`;
  if (text) head += `: ${scrub(text)}`;
  if (parsed?.code && !text?.includes(parsed.code)) head += ` [${scrub(parsed.code)}]`;
  const issues = parsed?.details.length ? parsed.details : validationIssues(init.body);
  const fields = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message).replace(/[.\s]+$/, "")).join("; ");
  const attempts = init.attempts ?? 1;
  const where = `Answered${init.host ? ` by ${init.host}` : ""} after ${attempts} attempt${attempts === 1 ? "" : "s"}`;
  return [head, issues.length && `Problems: ${scrub(fields)}`, where, fix].filter((p): p is string => Boolean(p)).map(sentence).join(" ");
}

function validationIssues(body: unknown): ValidationIssue[] {
  if (!body || typeof body !== "object") return [];
  const b = body as Record<string, unknown>;
  // problem-details extensions differ: `errors` (RFC 9457 examples, ASP.NET), `validation` (Prism)
  return issuesFrom(b.errors ?? b.validation ?? b.invalid_params);
}
