// Exports only.

// the runtime's typed errors and helpers, so callers can `instanceof` and `unwrap` without a second import
export * from "@apiforge/runtime/sdk-exports";
export {
  MissingCredentialsError as MissingApiKeyError,
  type VerifyWebhookOptions,
  type WebhookHeaders,
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
} from "@apiforge/runtime";
export { createParallaxClient, type ParallaxClient, type ParallaxClientOptions } from "./client.js";
export { meta, type OperationId, type PaginatedPath } from "./generated/meta.js";
export type { components, operations, paths, webhooks } from "./generated/schema.js";
export type * from "./types.js";
// named, so Parallax's page-number checkpoint wins over the runtime's generic one in sdk-exports
export type { PaginationCheckpoint } from "./types.js";
export type { ParallaxWebhookEvent, WebhookEvent, WebhookTopic } from "./webhook-events.js";
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhook } from "./webhooks.js";
