import { describe, expectTypeOf, it } from "vitest";
import { type Auth, createAuth, createTransport, type Transport, unwrap } from "./index.js";

describe("options types", () => {
  it("accepts each concern as an object or false", () => {
    expectTypeOf(createTransport({ rateLimit: false, retry: false })).toEqualTypeOf<Transport>();
    createTransport({ rateLimit: { limit: 100, windowMs: 60_000, maxConcurrent: 4 }, retry: { maxRetries: 3 }, timeoutMs: 5000 });
    createTransport({ rateLimit: { maxConcurrent: 2, retryAfterHeaders: ["X-IA-*-RetryAfter"] } });
    createTransport({ rateLimit: { adaptive: true, maxConcurrent: 4 } });
    createTransport({ rateLimit: { adaptive: true, limit: 100, windowMs: 60_000 } });
    // @ts-expect-error limit is required with a window
    createTransport({ rateLimit: { windowMs: 60_000, maxConcurrent: 2 } });
    // @ts-expect-error limit is required with a window
    createTransport({ rateLimit: { windowMs: 60_000 } });
    // @ts-expect-error there is no `true`: pass the numbers
    createTransport({ rateLimit: true });
    // @ts-expect-error counts are numbers
    createTransport({ retry: { maxRetries: "3" } });
  });

  it("auth takes any strategy createAuth returns", () => {
    expectTypeOf(createAuth([{ type: "bearer", env: "X_TOKEN" }], { apiKey: "k" })).toEqualTypeOf<Auth>();
    createTransport({ auth: createAuth([{ type: "basic", token: "username-and-password", env: "T" }], { token: "t" }) });
    // @ts-expect-error auth is a strategy object, not a key
    createTransport({ auth: "my-api-key" });
  });

  it("fetch is a drop-in for openapi-fetch's fetch option", () => {
    expectTypeOf(createTransport().fetch).toEqualTypeOf<typeof fetch>();
  });

  it("unwrap returns the success branch's data type", () => {
    type Result = { data: { id: number }; error?: never; response: Response } | { data?: never; error: { title: string }; response: Response };
    expectTypeOf(unwrap({} as Result)).toEqualTypeOf<{ id: number }>();
  });
});
