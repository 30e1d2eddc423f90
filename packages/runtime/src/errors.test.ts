import { describe, expect, it } from "vitest";
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  errorFromResponse,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  SdkError,
  ValidationError,
} from "./errors.js";

const init = (status: number, body: unknown = { title: "Nope", detail: "because" }) => ({
  status,
  body,
  headers: { "x-request-id": "req_42" },
  method: "GET",
  path: "/things/7",
});

describe("errorFromResponse", () => {
  it.each([
    [400, ValidationError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, ApiError],
  ])("%i → %o", (status, Class) => {
    const e = errorFromResponse(init(status));
    expect(e).toBeInstanceOf(Class);
    expect(e).toBeInstanceOf(SdkError);
    expect(e.constructor).toBe(Class);
    expect(e.name).toBe(Class.name);
    expect(e.status).toBe(status);
    expect(e.requestId).toBe("req_42");
    expect(e.message).toContain(`GET /things/7 failed with ${status}: Nope: because`);
  });

  it("names a fix where one is known", () => {
    expect(errorFromResponse(init(401)).message).toMatch(/API key header/);
    expect(errorFromResponse(init(404)).message).toMatch(/ids in the path/);
    expect(errorFromResponse(init(429)).message).toMatch(/Lower the request rate.*store/);
  });

  it("reads error text from {error}, {error:{message}}, {message} and plain text", () => {
    expect(errorFromResponse(init(500, { error: "boom" })).message).toContain(": boom");
    expect(errorFromResponse(init(500, { error: { message: "deep" } })).message).toContain(": deep");
    expect(errorFromResponse(init(500, { message: "msg" })).message).toContain(": msg");
    expect(errorFromResponse(init(502, "Bad gateway text")).message).toContain(": Bad gateway text");
  });

  it("normalises validation errors sent as an array of strings", () => {
    const e = errorFromResponse(init(422, { title: "Invalid", errors: ["name is required", "age must be ≥ 0"] }));
    expect((e as ValidationError).errors).toEqual([{ message: "name is required" }, { message: "age must be ≥ 0" }]);
  });

  it("normalises validation errors sent as a field → messages map", () => {
    const e = errorFromResponse(init(400, { errors: { name: ["is required"], email: "is invalid" } }));
    expect((e as ValidationError).errors).toEqual([
      { field: "name", message: "is required" },
      { field: "email", message: "is invalid" },
    ]);
  });

  it("normalises Prism-style validation objects", () => {
    const e = errorFromResponse(init(422, { validation: [{ location: ["body", "name"], message: "required" }] }));
    expect((e as ValidationError).errors).toEqual([{ field: "body.name", message: "required" }]);
  });

  it("carries attempts and retryAfterMs on RateLimitError", () => {
    const e = errorFromResponse({ ...init(429), attempts: 3, retryAfterMs: 2000 }) as RateLimitError;
    expect(e.attempts).toBe(3);
    expect(e.retryAfterMs).toBe(2000);
    expect(e.message).toContain("after 3 attempts");
  });

  it("scrubs the server's text with the given scrubber", () => {
    const e = errorFromResponse({ ...init(401, { detail: "bad key sk_1234" }), scrub: (s) => s.replace("sk_1234", "[redacted]") });
    expect(e.message).not.toContain("sk_1234");
  });
});
