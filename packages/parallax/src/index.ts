// Exports only.

// the runtime's errors, so callers can `instanceof` without a second import
export {
  AbortError,
  ApiError,
  type AttemptEvent,
  AuthenticationError,
  ChunkError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  MissingCredentialsError,
  MissingCredentialsError as MissingApiKeyError,
  NotFoundError,
  PaginationError,
  type PaginationWarning,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  TimeoutError,
  unwrap,
  ValidationError,
  type VerifyWebhookOptions,
  type WebhookHeaders,
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
  WebhookVerificationError,
} from "@apiforge/runtime";
export { createParallaxClient, type ParallaxClient, type ParallaxClientOptions } from "./client.js";
export { meta, type OperationId, type PaginatedPath } from "./generated/meta.js";
export type { components, operations, paths, webhooks } from "./generated/schema.js";
export type * from "./types.js";
export type { ParallaxWebhookEvent, WebhookEvent, WebhookTopic } from "./webhook-events.js";
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "./webhooks.js";
