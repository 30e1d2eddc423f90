// Webhook verification as the Parallax docs describe it (fact sheet §3.3–3.4):
//   X-Parallax-Timestamp: Unix time in seconds at signing
//   X-Parallax-Signature: "sha256=" + HMAC-SHA256(secret, "{timestamp}.{raw body}")
// and deliveries older than about 10 minutes are rejected. The docs do not state the digest's
// encoding, so hex (either case) and base64 (standard or URL-safe) are both accepted.
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
  WebhookVerificationError,
} from "./webhook-errors.js";
import type { ParallaxWebhookEvent } from "./webhook-events.js";

export const SIGNATURE_HEADER = "X-Parallax-Signature";
export const TIMESTAMP_HEADER = "X-Parallax-Timestamp";

/** Request headers as frameworks hand them over: a `Headers` instance or a plain object (any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Input of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The request body exactly as received, before any JSON parsing (a Buffer, bytes, or their UTF-8 text). */
  rawBody: string | Buffer | Uint8Array;
  /** The request headers; `X-Parallax-Signature` and `X-Parallax-Timestamp` are read from them. */
  headers: WebhookHeaders;
  /** The webhook secret Parallax signs with (not the API key). */
  secret: string | Buffer | Uint8Array;
  /**
   * Largest accepted distance between the signing time and now, either way, in seconds. A retry
   * re-sends the original signature and timestamp, so a late retry is rejected too.
   * @default 600 (the docs' "about 10 minutes")
   */
  toleranceSeconds?: number;
  /** The current time, as a Date or milliseconds since the epoch. @default Date.now() */
  now?: Date | number;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function required(headers: WebhookHeaders, name: string): string {
  const value = header(headers, name)?.trim();
  if (!value) throw new WebhookHeaderMissingError(name);
  return value;
}

// The received digest as bytes: 64 hex characters, or base64 of 32 bytes. Anything else is no match.
function digestBytes(signature: string): Buffer | undefined {
  const match = /^sha256=(.+)$/i.exec(signature);
  if (!match) return undefined;
  const value = match[1]!;
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}

function checkSignature(timestamp: string, rawBody: Uint8Array, secret: string | Uint8Array, signature: string): void {
  const expected = createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest();
  const received = digestBytes(signature);
  // timingSafeEqual needs equal lengths; a digest of another length is rejected before comparing
  if (!received || received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new WebhookSignatureError(
      `The ${SIGNATURE_HEADER} header does not match HMAC-SHA256 of "{timestamp}.{raw body}" with the secret. Check the secret, and pass the raw body exactly as received (not re-serialised JSON).`,
    );
  }
}

function checkTimestamp(timestamp: string, toleranceSeconds: number, now: Date | number | undefined): void {
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookTimestampError(`The ${TIMESTAMP_HEADER} header must be a Unix time in whole seconds, got "${timestamp}".`);
  const nowSeconds = Math.floor((now === undefined ? Date.now() : typeof now === "number" ? now : now.getTime()) / 1000);
  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) throw new WebhookTimestampTooOldError(age, toleranceSeconds);
  if (-age > toleranceSeconds) throw new WebhookTimestampInFutureError(-age, toleranceSeconds);
}

function parseEvent(rawBody: Uint8Array): ParallaxWebhookEvent {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  } catch (err) {
    throw new WebhookPayloadError("The webhook body is signed correctly but is not valid JSON.", { cause: err });
  }
  if (body === null || typeof body !== "object" || typeof (body as { Topic?: unknown }).Topic !== "string") {
    throw new WebhookPayloadError('The webhook body is JSON but not an event envelope: it has no string "Topic".');
  }
  return body as ParallaxWebhookEvent;
}

/**
 * Verifies a Parallax webhook delivery and returns its event, typed by `Topic`.
 * Checks, in order: both headers present, the signature over the raw bytes (timing-safe), the
 * timestamp within `toleranceSeconds`, then parses the body. Throws a {@link WebhookVerificationError}
 * subclass for each failure. Deduplicate redeliveries by `CorrelationId` yourself: a retry carries
 * the original signature and verifies again while within the tolerance.
 */
export function verifyWebhook(options: VerifyWebhookOptions): ParallaxWebhookEvent {
  const { headers, secret, toleranceSeconds = 600, now } = options;
  if (secret.length === 0) throw new WebhookVerificationError("verifyWebhook needs the webhook secret: `secret` is empty.");
  if (!(Number.isFinite(toleranceSeconds) && toleranceSeconds >= 0)) {
    throw new WebhookVerificationError(`toleranceSeconds must be a non-negative number of seconds, got ${String(toleranceSeconds)}.`);
  }
  const signature = required(headers, SIGNATURE_HEADER);
  const timestamp = required(headers, TIMESTAMP_HEADER);
  const rawBody = typeof options.rawBody === "string" ? Buffer.from(options.rawBody, "utf8") : options.rawBody;
  checkSignature(timestamp, rawBody, secret, signature);
  checkTimestamp(timestamp, toleranceSeconds, now);
  return parseEvent(rawBody);
}
