// Per-call options: what `client.GET(path, init)` accepts beside openapi-fetch's own options, and
// what it refuses (an unknown key is a compile error, not silently ignored).
import { describe, expectTypeOf, it } from "vitest";
import type { ApiClient, CallOptions } from "../../src/index.js";
import type { meta, Project, paths } from "./fixture.js";

declare const client: ApiClient<paths, typeof meta>;

describe("per-call options", () => {
  it("accepts timeoutMs, retry, maxRetries, deadlineMs, idempotencyKey, signal and throwOnError", () => {
    void client.GET("/projects/{id}", { params: { path: { id: "p" } }, timeoutMs: 1, retry: false, deadlineMs: 5000, throwOnError: true });
    void client.GET("/projects", { retry: { maxRetries: 5, baseDelayMs: 10 }, signal: AbortSignal.timeout(10) });
    void client.GET("/projects", { maxRetries: 0 });
    void client.POST("/projects", { body: { name: "x" }, idempotencyKey: "order-42" });
    void client.GET("/projects");
    expectTypeOf<CallOptions>().toHaveProperty("idempotencyKey").toEqualTypeOf<string | undefined>();
  });

  it("keeps the response types", () => {
    expectTypeOf(client.GET("/projects/{id}", { params: { path: { id: "p" } }, timeoutMs: 5 })).resolves.toHaveProperty("data").toEqualTypeOf<Project | undefined>();
    expectTypeOf(client.GET("/projects", { parseAs: "text" })).resolves.toHaveProperty("data").toEqualTypeOf<string | undefined>();
  });

  it("refuses unknown keys, wrong types and missing required parameters", () => {
    // @ts-expect-error: not an option (a typo of timeoutMs)
    void client.GET("/projects", { timeout: 1 });
    // @ts-expect-error: not an option, even beside valid ones
    void client.GET("/projects/{id}", { params: { path: { id: "p" } }, retries: 2 });
    // @ts-expect-error: retry is an object or false
    void client.GET("/projects", { retry: true });
    // @ts-expect-error: timeoutMs is a number
    void client.GET("/projects", { timeoutMs: "1s" });
    // @ts-expect-error: the key is a string
    void client.POST("/projects", { body: { name: "x" }, idempotencyKey: 42 });
    // @ts-expect-error: path parameters are required
    void client.GET("/projects/{id}", { timeoutMs: 5 });
    // @ts-expect-error: path parameters are required, so is init
    void client.GET("/projects/{id}");
    // @ts-expect-error: not a path of this API
    void client.GET("/nope");
  });
});
