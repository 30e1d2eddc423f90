// Webhook signatures through the SDK's exports: X-StrawBlond-Webhook-Signature = hex HMAC-SHA256 of
// the raw body with the endpoint secret (computed here with node:crypto, independently of the SDK).
import { createHmac } from "node:crypto";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  SIGNATURE_HEADER,
  type StrawblondWebhookEvent,
  verifyWebhook,
  type WebhookEvent,
  WebhookHeaderMissingError,
  WebhookSignatureError,
  WebhookVerificationError,
} from "../src/index.js";

const secret = "whsec_endpoint_secret";
const rawBody = JSON.stringify({ id: "wh_7f3a9c", event: "invoice.created", created: 1767225600, test: false, data: { id: "PQYLdqm4wR", name: "Website" } });
const sign = (body: string, key = secret) => createHmac("sha256", key).update(body).digest("hex");

describe("verifyWebhook", () => {
  it("names the vendor's header", () => {
    expect(SIGNATURE_HEADER).toBe("X-StrawBlond-Webhook-Signature");
  });

  it("a valid signature → the parsed event (headers in any case, Headers or a plain object)", async () => {
    const event = await verifyWebhook({ rawBody, headers: { "x-strawblond-webhook-signature": sign(rawBody) }, secret });
    expect(event).toEqual(JSON.parse(rawBody));
    const again = await verifyWebhook({ rawBody: new TextEncoder().encode(rawBody), headers: new Headers({ [SIGNATURE_HEADER]: sign(rawBody) }), secret });
    expect(again.id).toBe("wh_7f3a9c");
  });

  it("a tampered body → WebhookSignatureError", async () => {
    const tampered = rawBody.replace("Website", "Webshop");
    const err = await verifyWebhook({ rawBody: tampered, headers: { [SIGNATURE_HEADER]: sign(rawBody) }, secret }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookSignatureError);
    expect((err as Error).message).toMatch(/X-StrawBlond-Webhook-Signature.*raw body/);
  });

  it("re-serialised JSON (not the raw bytes) → WebhookSignatureError", async () => {
    const reserialised = JSON.stringify(JSON.parse(rawBody), null, 2);
    await expect(verifyWebhook({ rawBody: reserialised, headers: { [SIGNATURE_HEADER]: sign(rawBody) }, secret })).rejects.toBeInstanceOf(WebhookSignatureError);
  });

  it("signed with another secret → WebhookSignatureError", async () => {
    await expect(verifyWebhook({ rawBody, headers: { [SIGNATURE_HEADER]: sign(rawBody, "another secret") }, secret })).rejects.toBeInstanceOf(WebhookSignatureError);
  });

  it.each([{}, { [SIGNATURE_HEADER]: "" }, { "x-other": sign(rawBody) }])("no signature header → WebhookHeaderMissingError (%j)", async (headers) => {
    const err = await verifyWebhook({ rawBody, headers, secret }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WebhookHeaderMissingError);
    expect(err).toBeInstanceOf(WebhookVerificationError);
    expect((err as Error).message).toContain("X-StrawBlond-Webhook-Signature");
  });
});

describe("typed events", () => {
  it("narrow by `event` to that event's data", async () => {
    const event = await verifyWebhook({ rawBody, headers: { [SIGNATURE_HEADER]: sign(rawBody) }, secret });
    expectTypeOf(event).toEqualTypeOf<StrawblondWebhookEvent>();
    expectTypeOf<StrawblondWebhookEvent["event"]>().toEqualTypeOf<"invoice.created" | "expense.approved">();
    if (event.event === "invoice.created") {
      expectTypeOf(event).toEqualTypeOf<WebhookEvent<"invoice.created">>();
      expectTypeOf(event.data.id).toEqualTypeOf<string>();
      expectTypeOf(event.data).toHaveProperty("project_id");
      expect(event.data.name).toBe("Website");
    }
    expectTypeOf<WebhookEvent<"expense.approved">["data"]>().not.toEqualTypeOf<WebhookEvent<"invoice.created">["data"]>();
    expectTypeOf<WebhookEvent<"invoice.created">>().toHaveProperty("created").toEqualTypeOf<number>();
  });
});
