// Parallax's signing scheme is data in the generated meta (X-Parallax-Signature = "sha256=" +
// HMAC-SHA256 of "{X-Parallax-Timestamp}.{raw body}", ±600 s); the runtime verifies it with Web
// Crypto. Since 0.2 `verifyWebhook` is async (Web Crypto's HMAC is): `await` it.
import { verifyWebhook as verify, type VerifyWebhookOptions } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";
import type { ParallaxWebhookEvent } from "./webhook-events.js";

export const SIGNATURE_HEADER = meta.webhooks.signatureHeader;
export const TIMESTAMP_HEADER = meta.webhooks.timestampHeader;

/**
 * Verifies a Parallax webhook delivery and resolves to its event, typed by `Topic`. Rejects with a
 * `WebhookVerificationError` subclass: header missing, signature, timestamp too old / in the future,
 * payload. Deduplicate redeliveries by `CorrelationId`: a retry carries the original signature.
 */
export function verifyWebhook(options: VerifyWebhookOptions): Promise<ParallaxWebhookEvent> {
  return verify<ParallaxWebhookEvent>(meta.webhooks, options);
}
