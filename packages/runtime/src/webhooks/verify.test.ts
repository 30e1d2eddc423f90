// Both signing schemes as data, each signed independently with node:crypto here.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { WebhookMeta } from "../api-meta.js";
import {
  WebhookHeaderMissingError,
  WebhookPayloadError,
  WebhookSignatureError,
  WebhookTimestampInFutureError,
  WebhookTimestampTooOldError,
  WebhookVerificationError,
} from "./errors.js";
import { type VerifyWebhookOptions, verifyWebhook } from "./verify.js";

const parallax: WebhookMeta = {
  signatureHeader: "X-Parallax-Signature", timestampHeader: "X-Parallax-Timestamp", algorithm: "hmac-sha256",
  signedPayload: "timestamp.body", signaturePrefix: "sha256=", encodings: ["hex", "base64"], toleranceSeconds: 600, eventField: "Topic",
};
const strawblond: WebhookMeta = { signatureHeader: "X-StrawBlond-Webhook-Signature", algorithm: "hmac-sha256", signedPayload: "body", encodings: ["hex"], eventField: "event" };

const secret = "whsec_test_0123456789";
const signedAt = 1_735_732_800;
const now = signedAt * 1000 + 30_000;
const hmac = (key: string, data: string, enc: "hex" | "base64" | "base64url" = "hex") => createHmac("sha256", key).update(data).digest(enc);

describe("Parallax scheme (timestamp.body, sha256= prefix, ±600 s)", () => {
  const body = JSON.stringify({ Topic: "project.created", CorrelationId: "c-1", Payload: { Id: "p1" } });
  const delivery = (o: Partial<VerifyWebhookOptions> = {}, sig = `sha256=${hmac(secret, `${signedAt}.${body}`)}`, ts = String(signedAt)): VerifyWebhookOptions => ({
    rawBody: body, headers: { "x-parallax-signature": sig, "x-parallax-timestamp": ts }, secret, now, ...o,
  });

  it.each([
    ["a hex digest", delivery()],
    ["an upper-case hex digest with an upper-case prefix", delivery({}, `SHA256=${hmac(secret, `${signedAt}.${body}`).toUpperCase()}`)],
    ["a base64 digest", delivery({}, `sha256=${hmac(secret, `${signedAt}.${body}`, "base64")}`)],
    ["a base64url digest", delivery({}, `sha256=${hmac(secret, `${signedAt}.${body}`, "base64url")}`)],
    ["bytes for body and secret", delivery({ rawBody: new TextEncoder().encode(body), secret: new TextEncoder().encode(secret) })],
    ["a Headers instance", delivery({ headers: new Headers({ "X-Parallax-Signature": `sha256=${hmac(secret, `${signedAt}.${body}`)}`, "X-Parallax-Timestamp": String(signedAt) }) })],
  ])("accepts %s", async (_, options) => {
    await expect(verifyWebhook<{ Topic: string }>(parallax, options)).resolves.toMatchObject({ Topic: "project.created", CorrelationId: "c-1" });
  });

  it.each([
    ["a tampered body", delivery({ rawBody: body.replace("created", "modified") }), WebhookSignatureError],
    ["a wrong secret", delivery({ secret: "whsec_other" }), WebhookSignatureError],
    ["a digest without the prefix", delivery({}, hmac(secret, `${signedAt}.${body}`)), WebhookSignatureError],
    ["a signature over another timestamp", delivery({}, `sha256=${hmac(secret, `${signedAt - 1}.${body}`)}`), WebhookSignatureError],
    ["a missing signature header", delivery({ headers: { "x-parallax-timestamp": String(signedAt) } }), WebhookHeaderMissingError],
    ["a missing timestamp header", delivery({ headers: { "x-parallax-signature": "sha256=00" } }), WebhookHeaderMissingError],
    ["a stale timestamp", delivery({ now: (signedAt + 601) * 1000 }), WebhookTimestampTooOldError],
    ["a timestamp far ahead", delivery({ now: (signedAt - 601) * 1000 }), WebhookTimestampInFutureError],
    ["an empty secret", delivery({ secret: "" }), WebhookVerificationError],
  ])("rejects %s", async (_, options, errorClass) => {
    await expect(verifyWebhook(parallax, options)).rejects.toBeInstanceOf(errorClass);
  });

  it("lets the caller widen the tolerance and names the header that is missing", async () => {
    await expect(verifyWebhook(parallax, delivery({ now: (signedAt + 3600) * 1000, toleranceSeconds: 7200 }))).resolves.toBeTruthy();
    await expect(verifyWebhook(parallax, delivery({ headers: {} }))).rejects.toThrow(/no X-Parallax-Signature header/);
  });

  it("rejects a correctly signed body without the event field", async () => {
    const raw = JSON.stringify({ Payload: {} });
    await expect(verifyWebhook(parallax, delivery({ rawBody: raw }, `sha256=${hmac(secret, `${signedAt}.${raw}`)}`))).rejects.toThrow(WebhookPayloadError);
  });
});

describe("StrawBlond scheme (hex HMAC of the raw body, no timestamp)", () => {
  const body = JSON.stringify({ id: "evt_1", event: "project.created", created: "2026-01-01T00:00:00Z", test: false, data: { id: "PQYLdqm4wR" } });
  const delivery = (o: Partial<VerifyWebhookOptions> = {}, sig = hmac(secret, body)): VerifyWebhookOptions => ({
    rawBody: body, headers: { "X-StrawBlond-Webhook-Signature": sig }, secret, ...o,
  });

  it("accepts a valid delivery and returns the typed event", async () => {
    const event = await verifyWebhook<{ event: string; data: { id: string } }>(strawblond, delivery());
    expect(event.event).toBe("project.created");
    expect(event.data.id).toBe("PQYLdqm4wR");
  });

  it.each([
    ["a tampered body", delivery({ rawBody: body.replace("PQYLdqm4wR", "XXXXXXXXXX") }), WebhookSignatureError],
    ["a wrong secret", delivery({ secret: "nope" }), WebhookSignatureError],
    ["a base64 digest (the scheme says hex)", delivery({}, hmac(secret, body, "base64")), WebhookSignatureError],
    ["a missing header", delivery({ headers: {} }), WebhookHeaderMissingError],
  ])("rejects %s", async (_, options, errorClass) => {
    await expect(verifyWebhook(strawblond, options)).rejects.toBeInstanceOf(errorClass);
  });

  it("says when the API has no signing scheme", async () => {
    await expect(verifyWebhook(undefined, delivery())).rejects.toThrow(/describes no webhook signing scheme/);
  });
});
