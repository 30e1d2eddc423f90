// Exports only.

// the runtime's typed errors and helpers, so callers can `instanceof` and `unwrap` without a second import
export {
  AbortError,
  ApiError,
  type AttemptEvent,
  AuthenticationError,
  ChunkError,
  ClientConfigError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  MissingCredentialsError,
  NotFoundError,
  PaginationError,
  type PaginationCheckpoint,
  type PaginationWarning,
  PermissionDeniedError,
  PlanLimitError,
  RateLimitError,
  SdkError,
  TimeoutError,
  unwrap,
  ValidationError,
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookVerificationError,
} from "@apiforge/runtime";
export { createStrawblondClient, type StrawblondClient, type StrawblondClientOptions } from "./client.js";
export { type BulkOperationId, meta, type OperationId, type PaginatedOperationId, type PaginatedPath } from "./generated/meta.js";
export type { components, operations, paths } from "./generated/schema.js";
export { SIGNATURE_HEADER, type StrawblondWebhookEvent, verifyWebhook, type WebhookEvent, type WebhookEventName } from "./webhooks.js";
