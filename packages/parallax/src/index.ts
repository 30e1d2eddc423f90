// Exports only.

// the transport's errors, so callers can `instanceof` without a second import
export {
  AbortError,
  ApiError,
  type AttemptEvent,
  AuthenticationError,
  ChunkError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  type PaginationWarning,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  TimeoutError,
  ValidationError,
} from "@apiforge/runtime";
export type { BulkEntry, BulkInit, BulkOperationId, BulkOptions, BulkResponse } from "./bulk.js";
export { createParallaxClient, type ParallaxClient } from "./client.js";
export { meta, type PaginatedPath } from "./generated/meta.js";
export type { components, operations, paths, webhooks } from "./generated/schema.js";
export { API_KEY_ENV, MissingApiKeyError, type ParallaxClientOptions, type ParallaxLogger } from "./options.js";
export type { ListInit, PageEnvelope, PageItem, PaginateOptions, PaginationCheckpoint, ParallaxEstimate, ParallaxPaginator } from "./paginate.js";
export {
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
  WebhookVerificationError,
} from "./webhook-errors.js";
export type { ParallaxWebhookEvent, WebhookEvent, WebhookTopic } from "./webhook-events.js";
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, type VerifyWebhookOptions, verifyWebhook, type WebhookHeaders } from "./webhooks.js";
