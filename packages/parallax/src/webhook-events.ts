// Typed webhook events, derived from the spec's OpenAPI 3.1 `webhooks` section (one entry per topic).
import type { webhooks } from "./generated/schema.js";

/** A webhook topic the spec documents, e.g. `project.created`. */
export type WebhookTopic = keyof webhooks;

/** The event delivered for one topic: the PascalCase envelope with that topic's `Payload`. */
export type WebhookEvent<T extends WebhookTopic> = webhooks[T]["post"]["requestBody"]["content"]["application/json"];

/** Any Parallax webhook event; narrow it with `switch (event.Topic)`. */
export type ParallaxWebhookEvent = { [T in WebhookTopic]: WebhookEvent<T> }[WebhookTopic];
