// StrawBlond signs each delivery with X-StrawBlond-Webhook-Signature = hex HMAC-SHA256 of the raw
// body keyed by the endpoint secret; that scheme is data in the generated meta and the runtime
// verifies it (Web Crypto, constant-time). Events are typed per `event` name from the spec's
// `webhooks` section.
import { verifyWebhook as verify, type VerifyWebhookOptions } from "@apiforge/runtime";
import { meta } from "./generated/meta.js";
import type { components, webhooks } from "./generated/schema.js";

type Delivery = components["schemas"]["WebhookDelivery"];
type Body<E extends keyof webhooks> = webhooks[E]["post"]["requestBody"]["content"]["application/json"];
// each event's schema is `WebhookDelivery & { event, data }`: its own part carries the typed data
type Own<B> = B extends Delivery & infer R ? R : never;

/** An event name the docs list, e.g. `invoice.created`. */
export type WebhookEventName = keyof webhooks;

/** The delivery for one event: `{ id, event, created, test, data }` with that event's `data`. */
export type WebhookEvent<E extends WebhookEventName> = Omit<Delivery, "event" | "data"> & { event: E; data: NonNullable<Own<Body<E>> extends { data?: infer D } ? D : never> };

/** Any listed StrawBlond event; narrow it with `switch (event.event)`. */
export type StrawblondWebhookEvent = { [E in WebhookEventName]: WebhookEvent<E> }[WebhookEventName];

export const SIGNATURE_HEADER = meta.webhooks.signatureHeader;

/**
 * Verifies a delivery and resolves to its event. Rejects with a `WebhookVerificationError`
 * subclass: signature header missing, signature wrong (tampered body or another secret), body not
 * an event. A redelivery carries the original signature: deduplicate by the event's `id`.
 */
export function verifyWebhook(options: Omit<VerifyWebhookOptions, "toleranceSeconds" | "now">): Promise<StrawblondWebhookEvent> {
  return verify<StrawblondWebhookEvent>(meta.webhooks, options);
}
