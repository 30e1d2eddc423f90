// Exports only.
export {
  AbortError,
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  type CallInfo,
  ChunkError,
  ConflictError,
  ConnectionError,
  ERROR_BY_STATUS,
  errorFromResponse,
  InternalServerError,
  issuesFrom,
  NotFoundError,
  type ParsedError,
  parseErrorBody,
  PermissionDeniedError,
  PlanLimitError,
  RateLimitError,
  requestIdFrom,
  SdkError,
  sentence,
  serverText,
  TimeoutError,
  ValidationError,
  type ValidationIssue,
} from "./errors.js";
export * from "./auth/index.js";
export type { RateLimitBudget } from "./adaptive.js";
export { hashKey, pacingFromMeta, RateLimiter, type RateLimiterOptions } from "./limiter.js";
export { createTransportMiddleware } from "./middleware.js";
export type {
  AdaptiveRateLimitOptions,
  AttemptEvent,
  ConcurrencyLimitOptions,
  PacingCommonOptions,
  PacingOptions,
  RateLimitOptions,
  RetryContext,
  RetryOptions,
  TransportLogger,
  TransportOptions,
} from "./options.js";
export { parseRateLimitHeaders, type RateLimitHeaderNames, type RateLimitInfo } from "./rate-limit-headers.js";
export { DEFAULT_REDACT_HEADERS, REDACTED } from "./redact.js";
export { type FetchResult, unwrap } from "./result.js";
export {
  backoffDelay,
  type BackoffOptions,
  type FailureKind,
  IDEMPOTENT_METHODS,
  parseRetryAfter,
  type RetryAfterNames,
  type RetryDecision,
  type RetryInput,
  retryAfterFrom,
  retryAfterNames,
  shouldRetry,
} from "./retry.js";
export { MemoryStore, type MemoryStoreOptions } from "./stores/memory.js";
export type { RateLimitRule, RateLimitStore } from "./stores/store.js";
export { createResilientFetch, createTransport, limiterFor, type Transport } from "./transport.js";
export { createBaseTransport } from "./transport-base.js";
export * from "./pagination/index.js";
export * from "./chunk.js";
export { valueAt } from "./field-path.js";
export type { ApiMeta, AuthMeta, ErrorEnvelopeMeta, ErrorsMeta, OperationMeta, PaginationMeta, PaginationStyle, QueryStyle, RateLimitMeta, WebhookMeta } from "./api-meta.js";
export * from "./webhooks/index.js";
export * from "./client/index.js";
