import { describe, expect, it } from "vitest";
import type { OpenApiDoc } from "../spec-doc.ts";
import { extractErrors } from "./errors.ts";

const str = { type: "string" };
const obj = (properties: object) => ({ type: "object", properties });
const json = (schema: object, headers?: object) => ({ description: "x", ...(headers && { headers }), content: { "application/json": { schema } } });
const spec = (responses: Record<string, object>, extra: object = {}): OpenApiDoc => ({ openapi: "3.1.0", paths: { "/x": { get: { responses: { "200": json(str), ...responses } } } }, ...extra });

describe("error envelopes", () => {
  it("RFC 9457 problem details with a trace id (Parallax): the body is the error, trace_id the request id", () => {
    const problem = obj({ type: str, title: str, status: { type: "integer" }, detail: str, trace_id: str });
    const validation = obj({ type: str, title: str, status: { type: "integer" }, errors: { type: "array", items: str }, trace_id: str });
    const doc = spec({ "400": json(validation), "404": json(problem), "500": json(problem), "429": json(obj({ error: str })) });
    // `title` is the message field most error bodies carry; `detail` only some of them
    expect(extractErrors(doc)).toEqual({ envelopes: [{ root: "", message: "title", details: "errors", requestId: "trace_id" }] });
  });

  it("an error object under `error` (Stripe)", () => {
    const doc = spec({ default: json(obj({ error: obj({ type: str, code: str, message: str, param: str, doc_url: str }) })) });
    expect(extractErrors(doc).envelopes).toEqual([{ root: "error", message: "message", code: "code" }]);
  });

  it("a nested envelope with an error id and support id (Sage Intacct)", () => {
    const error = obj({ code: str, message: str, errorId: str, supportId: str, details: { type: "array", items: obj({ code: str, message: str, target: str }) } });
    const doc = spec({ "400": json(obj({ "ia::result": obj({ "ia::error": error }), "ia::meta": obj({ totalCount: { type: "integer" } }) })) });
    expect(extractErrors(doc).envelopes).toEqual([{ root: "ia::result.ia::error", message: "message", code: "code", details: "details", errorId: "errorId", requestId: "supportId" }]);
  });

  it("puts nested roots before the body itself, so the more specific envelope is tried first", () => {
    const doc = spec({ "401": json(obj({ error: obj({ message: str }) })), "422": json(obj({ message: str, errors: obj({}) })) });
    expect(extractErrors(doc).envelopes.map((e) => e.root)).toEqual(["error", ""]);
  });

  it("finds a request-id header the responses declare", () => {
    const doc = spec({ "400": json(obj({ message: str }), { "X-Request-Id": { schema: str } }) });
    expect(extractErrors(doc).requestIdHeader).toBe("X-Request-Id");
    expect(extractErrors(spec({ "400": json(obj({ message: str }), { "Request-Id": { schema: str } }) })).requestIdHeader).toBe("Request-Id");
    expect(extractErrors(spec({ "400": json(obj({ message: str }), { "X-RateLimit-Remaining": { schema: str } }) })).requestIdHeader).toBeUndefined();
  });

  it("x-apiforge-errors replaces detection field by field", () => {
    const doc = spec({ "400": json(obj({ message: str })) }, { "x-apiforge-errors": { requestIdHeader: "X-Trace-Id" } });
    expect(extractErrors(doc)).toEqual({ envelopes: [{ root: "", message: "message" }], requestIdHeader: "X-Trace-Id" });
    const own = spec({ "400": json(obj({ message: str })) }, { "x-apiforge-errors": { envelopes: [{ root: "fault", message: "faultstring", code: "faultcode" }] } });
    expect(extractErrors(own).envelopes).toEqual([{ root: "fault", message: "faultstring", code: "faultcode" }]);
  });

  it("refuses an envelope without root or with an unknown field", () => {
    expect(() => extractErrors(spec({}, { "x-apiforge-errors": { envelopes: [{ message: "m" }] } }))).toThrow(/envelopes\[0\]: root is required/);
    expect(() => extractErrors(spec({}, { "x-apiforge-errors": { envelopes: [{ root: "", msg: "m" }] } }))).toThrow(/unknown field msg/);
  });

  it("no JSON error responses: no envelopes", () => {
    expect(extractErrors(spec({ "404": { description: "nothing" } }))).toEqual({ envelopes: [] });
  });
});
