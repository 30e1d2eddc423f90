// Typed errors: one base class, one status → class table, one factory (errorFromResponse).
// Messages name the call, the status, the server's own words and a fix when we know one.
import type { RateLimitInfo } from "./rate-limit-headers.js";

/** The call an error belongs to. `path` is the URL path without the query string. */
export interface CallInfo {
  method: string;
  path: string;
}

/** Base class of every error the transport throws. */
export class SdkError extends Error {
  override name = "SdkError";
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

  constructor(init: ApiErrorInit) {
    super(apiMessage(init, new.target.fix));
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.requestId = REQUEST_ID_HEADERS.map((h) => init.headers[h]).find(Boolean);
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts ?? 1;
    this.rateLimit = init.rateLimit;
  }
}

/** One problem the server found in the request. */
export interface ValidationIssue {
  /** The field it concerns, when the server said. */
  field?: string;
  message: string;
}

/** 400 or 422: the request was malformed or failed validation. */
export class ValidationError extends ApiError {
  override name = "ValidationError";
  static override fix = "Fix the request fields listed in `errors` and send it again.";
  /** The problem-details `errors`, normalised from an array of strings/objects or a field → messages map. */
  readonly errors: ValidationIssue[];
  constructor(init: ApiErrorInit) {
    super(init);
    this.errors = validationIssues(init.body);
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

/** 5xx: the server failed. Safe to retry only when the operation is idempotent. */
export class InternalServerError extends ApiError {
  override name = "InternalServerError";
  static override fix = "Retry later; for non-idempotent calls send an Idempotency-Key so retries are safe.";
}

/** Options shared by the transport-level errors. */
export interface TransportErrorInit extends Partial<CallInfo> {
  cause?: unknown;
}

class CallError extends SdkError {
  readonly method: string | undefined;
  readonly path: string | undefined;
  constructor(message: string, init: TransportErrorInit = {}) {
    super(message, { cause: init.cause });
    this.method = init.method;
    this.path = init.path;
  }
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

function apiMessage(init: ApiErrorInit, fix: string | undefined): string {
  const scrub = init.scrub ?? ((s: string) => s);
  const text = serverText(init.body);
  let msg = `${init.method} ${init.path} failed with ${init.status}`;
  if (text) msg += `: ${scrub(text)}`;
  if (init.attempts && init.attempts > 1) msg += ` (after ${init.attempts} attempts)`;
  if (fix) msg += `. ${fix}`;
  return msg;
}

function validationIssues(body: unknown): ValidationIssue[] {
  if (!body || typeof body !== "object") return [];
  const b = body as Record<string, unknown>;
  // problem-details extensions differ: `errors` (RFC 9457 examples, ASP.NET), `validation` (Prism)
  const raw = b.errors ?? b.validation ?? b.invalid_params;
  if (Array.isArray(raw)) return raw.flatMap(issueFromItem);
  if (raw && typeof raw === "object") {
    return Object.entries(raw).flatMap(([field, msgs]) =>
      (Array.isArray(msgs) ? msgs : [msgs]).map((m) => ({ field, message: String(m) })),
    );
  }
  return [];
}

function issueFromItem(item: unknown): ValidationIssue[] {
  if (typeof item === "string") return [{ message: item }];
  if (!item || typeof item !== "object") return [];
  const o = item as Record<string, unknown>;
  const message = String(o.message ?? o.detail ?? o.reason ?? JSON.stringify(o));
  const where = o.field ?? o.name ?? o.pointer ?? o.location;
  const field = Array.isArray(where) ? where.join(".") : typeof where === "string" ? where : undefined;
  return [field ? { field, message } : { message }];
}
