import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type VerifyWebhookOptions,
  verifyWebhook,
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
  WebhookVerificationError,
} from "../src/index.js";

const secret = "whsec_test_0123456789";
const signedAt = 1_735_732_800; // 2025-01-01T12:00:00Z
const nowMs = signedAt * 1000 + 30_000;
const body = JSON.stringify({
  Payload: { Id: "497f6eca-6276-4993-bfeb-53cbbbba6f08" },
  Topic: "project.created",
  CorrelationId: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  EventOccurredOn: "2025-01-01T12:00:00Z",
});

type Encoding = "hex" | "HEX" | "base64" | "base64url";
function sign(raw: string, { key = secret, ts = signedAt, encoding = "hex" as Encoding } = {}): string {
  const mac = createHmac("sha256", key).update(`${ts}.${raw}`);
  const digest = encoding === "HEX" ? mac.digest("hex").toUpperCase() : mac.digest(encoding);
  return `sha256=${digest}`;
}

function delivery(overrides: Partial<VerifyWebhookOptions> = {}, sig = sign(body), ts = String(signedAt)): VerifyWebhookOptions {
  return { rawBody: body, headers: { "x-parallax-signature": sig, "x-parallax-timestamp": ts }, secret, now: nowMs, ...overrides };
}

describe("verifyWebhook accepts", () => {
  const cases: [string, VerifyWebhookOptions][] = [
    ["a lower-case hex digest", delivery()],
    ["an upper-case hex digest", delivery({}, sign(body, { encoding: "HEX" }))],
    ["a base64 digest", delivery({}, sign(body, { encoding: "base64" }))],
    ["a base64url digest", delivery({}, sign(body, { encoding: "base64url" }))],
    ["the body as a Buffer", delivery({ rawBody: Buffer.from(body) })],
    ["the body as a Uint8Array", delivery({ rawBody: new TextEncoder().encode(body) })],
    ["a Buffer secret", delivery({ secret: Buffer.from(secret) })],
    ["headers in their documented case", delivery({ headers: { "X-Parallax-Signature": sign(body), "X-Parallax-Timestamp": String(signedAt) } })],
    ["a Headers instance", delivery({ headers: new Headers({ "x-parallax-signature": sign(body), "x-parallax-timestamp": String(signedAt) }) })],
    ["node-style array header values", delivery({ headers: { "x-parallax-signature": [sign(body)], "x-parallax-timestamp": [String(signedAt)] } })],
    ["a redelivery reusing the original signature 9 minutes later", delivery({ now: (signedAt + 9 * 60) * 1000 })],
    ["a timestamp exactly at the tolerance", delivery({ now: (signedAt + 600) * 1000 })],
    ["a clock 5 minutes behind", delivery({ now: new Date((signedAt - 300) * 1000) })],
  ];
  it.each(cases)("%s", async (_, options) => {
    const event = await verifyWebhook(options);
    expect(event.Topic).toBe("project.created");
    expect(event.CorrelationId).toBe("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  });

  it("a wider toleranceSeconds admits a late retry", async () => {
    expect((await verifyWebhook(delivery({ now: (signedAt + 3600) * 1000, toleranceSeconds: 7200 }))).Topic).toBe("project.created");
  });
});

describe("verifyWebhook rejects", () => {
  const sigOnly = { "x-parallax-signature": sign(body) };
  const tsOnly = { "x-parallax-timestamp": String(signedAt) };
  const notJson = "not json {";
  const noTopic = JSON.stringify({ Payload: {} });
  const cases: [string, VerifyWebhookOptions, abstract new (...args: never[]) => WebhookVerificationError][] = [
    ["a tampered body", delivery({ rawBody: body.replace("project.created", "project.modified") }), WebhookSignatureError],
    ["a re-serialised body (whitespace differs)", delivery({ rawBody: JSON.stringify(JSON.parse(body), null, 2) }), WebhookSignatureError],
    ["a wrong secret", delivery({ secret: "whsec_other" }), WebhookSignatureError],
    ["a signature over another timestamp", delivery({}, sign(body, { ts: signedAt - 1 })), WebhookSignatureError],
    ["a digest without the sha256= prefix", delivery({}, sign(body).slice("sha256=".length)), WebhookSignatureError],
    ["a truncated digest", delivery({}, sign(body).slice(0, -2)), WebhookSignatureError],
    ["a missing signature header", delivery({ headers: tsOnly }), WebhookHeaderMissingError],
    ["a missing timestamp header", delivery({ headers: sigOnly }), WebhookHeaderMissingError],
    ["an empty signature header", delivery({ headers: { ...tsOnly, "x-parallax-signature": "" } }), WebhookHeaderMissingError],
    ["a timestamp 11 minutes old", delivery({ now: (signedAt + 11 * 60) * 1000 }), WebhookTimestampTooOldError],
    ["a timestamp 11 minutes ahead", delivery({ now: (signedAt - 11 * 60) * 1000 }), WebhookTimestampInFutureError],
    ["a timestamp in milliseconds-with-dot form", delivery({}, sign(body, { ts: Number(`${signedAt}.5`) as number }), `${signedAt}.5`), WebhookTimestampError],
    ["a signed body that is not JSON", delivery({ rawBody: notJson }, sign(notJson)), WebhookPayloadError],
    ["a signed JSON body without Topic", delivery({ rawBody: noTopic }, sign(noTopic)), WebhookPayloadError],
    ["an empty secret", delivery({ secret: "" }), WebhookVerificationError],
    ["a negative tolerance", delivery({ toleranceSeconds: -1 }), WebhookVerificationError],
  ];
  it.each(cases)("%s", async (_, options, errorClass) => {
    await expect(verifyWebhook(options)).rejects.toThrow(errorClass);
  });

  it("names the missing header", async () => {
    await expect(verifyWebhook(delivery({ headers: { "x-parallax-timestamp": String(signedAt) } }))).rejects.toThrow(/X-Parallax-Signature/);
  });

  it("reports the age of a stale timestamp", async () => {
    const error = await verifyWebhook(delivery({ now: (signedAt + 11 * 60) * 1000 })).catch((e: unknown) => e);
    expect(error).toMatchObject({ ageSeconds: 660, toleranceSeconds: 600 });
  });
});
