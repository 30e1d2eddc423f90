// One error class per way a webhook delivery can fail verification, so a handler can answer each
// one differently (log a stale redelivery, alert on a bad signature). Header names come from the
// API's WebhookMeta, so the classes are the same for every vendor.
import { SdkError } from "../errors.js";

/** Base of every webhook verification failure. Answer the delivery with 400/401 and do not process it. */
export class WebhookVerificationError extends SdkError {
  override name = "WebhookVerificationError";
}

/** The signature or timestamp header is absent (or empty). */
export class WebhookHeaderMissingError extends WebhookVerificationError {
  override name = "WebhookHeaderMissingError";
  constructor(readonly header: string) {
    super(`The webhook delivery has no ${header} header. Pass the request's headers unchanged (a plain object or a Headers instance); header names are matched in any case.`);
  }
}

/** The signature does not match the body (and timestamp) under the secret, or is not a digest at all. */
export class WebhookSignatureError extends WebhookVerificationError {
  override name = "WebhookSignatureError";
}

/** The timestamp header is not a Unix time in whole seconds, or lies outside the tolerance. */
export class WebhookTimestampError extends WebhookVerificationError {
  override name = "WebhookTimestampError";
}

/** The timestamp is older than the tolerance: a replay, or a retry delivered too late. */
export class WebhookTimestampTooOldError extends WebhookTimestampError {
  override name = "WebhookTimestampTooOldError";
  constructor(readonly ageSeconds: number, readonly toleranceSeconds: number) {
    super(`The webhook timestamp is ${ageSeconds} s old, beyond the ${toleranceSeconds} s tolerance; the delivery may be a replay. Raise toleranceSeconds only if late retries must be accepted.`);
  }
}

/** The timestamp lies further in the future than the tolerance: check this server's clock. */
export class WebhookTimestampInFutureError extends WebhookTimestampError {
  override name = "WebhookTimestampInFutureError";
  constructor(readonly aheadSeconds: number, readonly toleranceSeconds: number) {
    super(`The webhook timestamp is ${aheadSeconds} s in the future, beyond the ${toleranceSeconds} s tolerance; check that this server's clock is synchronised.`);
  }
}

/** The body was signed correctly but is not a JSON event (or lacks the event-name field). */
export class WebhookPayloadError extends WebhookVerificationError {
  override name = "WebhookPayloadError";
}
