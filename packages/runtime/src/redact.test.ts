import { describe, expect, it } from "vitest";
import { createRedactor, REDACTED, redactionSet, secretsOf } from "./redact.js";

describe("redaction", () => {
  const names = redactionSet(["X-Session"]);
  const req = new Headers({
    "x-api-key": "sk_live_123456",
    authorization: "Bearer tok_abcdef",
    cookie: "sid=cookie_value_1; theme=dark",
    "x-session": "sess_9999",
    accept: "application/json",
  });
  const secrets = secretsOf(req, names);
  const r = createRedactor(names, secrets);

  it("collects header values, bearer tokens and cookie values", () => {
    expect(secrets).toEqual(
      expect.arrayContaining(["sk_live_123456", "Bearer tok_abcdef", "tok_abcdef", "cookie_value_1", "sess_9999"]),
    );
  });

  it("replaces values of redacted headers (default and configured) and keeps the rest", () => {
    const out = r.headers(new Headers({ "Set-Cookie": "a=b", "X-Session": "x", "X-Request-Id": "req_1" }));
    expect(out).toEqual({ "set-cookie": REDACTED, "x-session": REDACTED, "x-request-id": "req_1" });
  });

  it("scrubs echoed secrets from text and from parsed bodies", () => {
    expect(r.text("invalid key sk_live_123456 (Bearer tok_abcdef)")).toBe(`invalid key ${REDACTED} (${REDACTED})`);
    const body = { detail: "key sk_live_123456 revoked", nested: ["tok_abcdef"] };
    expect(r.value(body)).toEqual({ detail: `key ${REDACTED} revoked`, nested: [REDACTED] });
    const clean = { detail: "fine" };
    expect(r.value(clean)).toBe(clean);
  });

  it("does not treat tiny values as secrets", () => {
    expect(secretsOf(new Headers({ "x-api-key": "abc" }), names)).toEqual([]);
  });
});
