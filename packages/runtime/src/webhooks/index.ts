export {
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
  WebhookVerificationError,
} from "./errors.js";
export { type VerifyWebhookOptions, verifyWebhook, type WebhookHeaders } from "./verify.js";
