// Generic webhook verification: how a vendor signs deliveries is data (WebhookMeta), e.g.
//   Parallax:   X-Parallax-Signature = "sha256=" + HMAC(secret, "{X-Parallax-Timestamp}.{raw body}"), ±10 min
//   StrawBlond: X-StrawBlond-Webhook-Signature = hex HMAC(secret, raw body)
// Checks, in order: headers present, signature over the raw bytes (constant-time), timestamp
// within the tolerance, then the body parses as a JSON event.
import type { WebhookMeta } from "../api-meta.js";
import { equalDigests, fromBase64, fromHex, hmacSha256, toBytes } from "./digest.js";
import {
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
  WebhookVerificationError,
} from "./errors.js";

/** Request headers as frameworks hand them over: a `Headers` instance or a plain object (any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** Input of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The request body exactly as received, before any JSON parsing (bytes, or their UTF-8 text). */
  rawBody: string | Uint8Array | ArrayBuffer;
  /** The request headers; the signature (and timestamp) headers the meta names are read from them. */
  headers: WebhookHeaders;
  /** The endpoint's webhook secret (not the API key). */
  secret: string | Uint8Array;
  /**
   * Largest accepted distance between the signing time and now, either way, in seconds; only for
   * schemes with a timestamp header. @default the meta's toleranceSeconds, else 300
   */
  toleranceSeconds?: number;
  /** The current time, as a Date or milliseconds since the epoch. @default Date.now() */
  now?: Date | number;
}

const DIGEST_BYTES = 32;
const DEFAULT_TOLERANCE_SECONDS = 300;

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

// The received digest as bytes in one of the accepted encodings; anything else is no match.
function received(meta: WebhookMeta, signature: string): Uint8Array | undefined {
  let value = signature;
  if (meta.signaturePrefix) {
    if (value.slice(0, meta.signaturePrefix.length).toLowerCase() !== meta.signaturePrefix.toLowerCase()) return undefined;
    value = value.slice(meta.signaturePrefix.length);
  }
  for (const encoding of meta.encodings) {
    const bytes = encoding === "hex" ? fromHex(value, DIGEST_BYTES) : fromBase64(value, DIGEST_BYTES);
    if (bytes) return bytes;
  }
  return undefined;
}

function checkTimestamp(meta: WebhookMeta, timestamp: string, toleranceSeconds: number, now: Date | number | undefined): void {
  if (!/^\d{1,12}$/.test(timestamp)) throw new WebhookTimestampError(`The ${meta.timestampHeader} header must be a Unix time in whole seconds, got "${timestamp}".`);
  const nowSeconds = Math.floor((now === undefined ? Date.now() : typeof now === "number" ? now : now.getTime()) / 1000);
  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) throw new WebhookTimestampTooOldError(age, toleranceSeconds);
  if (-age > toleranceSeconds) throw new WebhookTimestampInFutureError(-age, toleranceSeconds);
}

function parseEvent<TEvent>(meta: WebhookMeta, rawBody: Uint8Array): TEvent {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(rawBody));
  } catch (err) {
    throw new WebhookPayloadError("The webhook body is signed correctly but is not valid JSON.", { cause: err });
  }
  if (body === null || typeof body !== "object") throw new WebhookPayloadError("The webhook body is JSON but not an event object.");
  if (meta.eventField && typeof (body as Record<string, unknown>)[meta.eventField] !== "string") {
    throw new WebhookPayloadError(`The webhook body is JSON but not an event envelope: it has no string "${meta.eventField}".`);
  }
  return body as TEvent;
}

/**
 * Verifies a webhook delivery against the API's signing scheme and returns its parsed event, typed
 * by the caller (e.g. `verifyWebhook<MyEvent>(meta.webhooks, …)`). Throws a
 * {@link WebhookVerificationError} subclass for each failure. A redelivery carrying the original
 * signature verifies again (within the tolerance): deduplicate by the event's id yourself.
 */
export async function verifyWebhook<TEvent = unknown>(meta: WebhookMeta | undefined, options: VerifyWebhookOptions): Promise<TEvent> {
  if (!meta) throw new WebhookVerificationError("This API's spec describes no webhook signing scheme (meta.webhooks), so deliveries cannot be verified.");
  const { headers, secret, now } = options;
  const toleranceSeconds = options.toleranceSeconds ?? meta.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (secret.length === 0) throw new WebhookVerificationError("verifyWebhook needs the webhook secret: `secret` is empty.");
  if (!(Number.isFinite(toleranceSeconds) && toleranceSeconds >= 0)) {
    throw new WebhookVerificationError(`toleranceSeconds must be a non-negative number of seconds, got ${String(toleranceSeconds)}.`);
  }
  const signature = required(headers, meta.signatureHeader);
  const timestamp = meta.timestampHeader ? required(headers, meta.timestampHeader) : undefined;
  if (meta.signedPayload === "timestamp.body" && timestamp === undefined) {
    throw new WebhookVerificationError('The webhook meta signs "timestamp.body" but names no timestampHeader; fix x-apiforge-webhooks in the spec.');
  }
  const rawBody = toBytes(options.rawBody);
  const parts = meta.signedPayload === "timestamp.body" ? [toBytes(`${timestamp}.`), rawBody] : [rawBody];
  const expected = await hmacSha256(toBytes(secret), ...parts);
  const got = received(meta, signature);
  if (!got || !equalDigests(got, expected)) {
    const what = meta.signedPayload === "timestamp.body" ? '"{timestamp}.{raw body}"' : "the raw body";
    throw new WebhookSignatureError(
      `The ${meta.signatureHeader} header does not match HMAC-SHA256 of ${what} with the secret. Check the secret, and pass the raw body exactly as received (not re-serialised JSON).`,
    );
  }
  if (timestamp !== undefined) checkTimestamp(meta, timestamp, toleranceSeconds, now);
  return parseEvent<TEvent>(meta, rawBody);
}
