// Webhook signing, as data: only `x-apiforge-webhooks` can say it (OpenAPI has no field for how a
// vendor signs its deliveries), so without the extension there is no webhook meta.
import type { WebhookMeta } from "../../../packages/runtime/src/api-meta.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { compact, expectObject, invalid, onlyKeys, optEnum, optNumber, optString } from "./extension.ts";

const AT = "x-apiforge-webhooks at the root";
const FIELDS = ["signatureHeader", "timestampHeader", "algorithm", "signedPayload", "signaturePrefix", "encodings", "toleranceSeconds", "eventField"];

export function extractWebhooks(doc: OpenApiDoc): WebhookMeta | undefined {
  const raw = doc["x-apiforge-webhooks"];
  if (raw === undefined) return undefined;
  const value = expectObject(raw, AT);
  onlyKeys(value, FIELDS, AT);
  const signatureHeader = optString(value, "signatureHeader", AT);
  if (!signatureHeader) throw invalid(AT, "signatureHeader is required");
  const signedPayload = optEnum(value, "signedPayload", ["body", "timestamp.body"] as const, AT) ?? "body";
  const timestampHeader = optString(value, "timestampHeader", AT);
  if (signedPayload === "timestamp.body" && !timestampHeader) throw invalid(AT, 'signedPayload "timestamp.body" needs timestampHeader');
  const encodings = value.encodings ?? ["hex"];
  if (!Array.isArray(encodings) || !encodings.length || encodings.some((e) => e !== "hex" && e !== "base64")) throw invalid(AT, 'encodings must list "hex" and/or "base64"');
  return compact({
    signatureHeader,
    timestampHeader,
    algorithm: optEnum(value, "algorithm", ["hmac-sha256"] as const, AT) ?? "hmac-sha256",
    signedPayload,
    signaturePrefix: optString(value, "signaturePrefix", AT),
    encodings,
    toleranceSeconds: optNumber(value, "toleranceSeconds", AT),
    eventField: optString(value, "eventField", AT),
  });
}
