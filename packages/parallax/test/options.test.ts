import { hashKey, SdkError } from "@apiforge/runtime";
import { describe, expect, it } from "vitest";
import { createParallaxClient, MissingApiKeyError, MissingCredentialsError } from "../src/index.js";

describe("API key", () => {
  it.each([
    ["no option and no env", {}, {}],
    ["an empty option", { apiKey: "" }, {}],
    ["a blank env var", {}, { PARALLAX_API_KEY: "   " }],
  ])("%s → MissingCredentialsError naming the option and PARALLAX_API_KEY", (_, options, env) => {
    expect(() => createParallaxClient({ ...options, env })).toThrow(MissingCredentialsError);
    expect(() => createParallaxClient({ ...options, env })).toThrow(/\{ apiKey \}.*PARALLAX_API_KEY/);
  });

  it("is a typed SdkError, thrown at construction (MissingApiKeyError is its old name)", () => {
    expect(() => createParallaxClient({ env: {} })).toThrow(SdkError);
    expect(MissingApiKeyError).toBe(MissingCredentialsError);
  });

  it("is read from PARALLAX_API_KEY when not passed; the option wins", async () => {
    const seen: (string | null)[] = [];
    const fetch: typeof globalThis.fetch = async (info, init) => {
      seen.push(new Request(info, init).headers.get("x-api-key"));
      return Response.json({ id: "r1", name: "Dev" });
    };
    const options = { baseUrl: "http://127.0.0.1:9", rateLimit: false, fetch, env: { PARALLAX_API_KEY: "pat_env" } } as const;
    await createParallaxClient(options).GET("/v1/roles/{id}", { params: { path: { id: "r1" } } });
    await createParallaxClient({ ...options, apiKey: "pat_opt" }).GET("/v1/roles/{id}", { params: { path: { id: "r1" } } });
    expect(seen).toEqual(["pat_env", "pat_opt"]);
  });
});

describe("defaults from the spec", () => {
  const env = { PARALLAX_API_KEY: "pat" };

  it("baseUrl is the production server, else PARALLAX_BASE_URL, else the option", () => {
    expect(createParallaxClient({ env }).baseUrl).toBe("https://api.getparallax.com");
    expect(createParallaxClient({ env: { ...env, PARALLAX_BASE_URL: "http://127.0.0.1:4010/" } }).baseUrl).toBe("http://127.0.0.1:4010");
    expect(createParallaxClient({ env, baseUrl: "http://127.0.0.1:4011/" }).baseUrl).toBe("http://127.0.0.1:4011");
    expect(() => createParallaxClient({ env, baseUrl: "127.0.0.1:4517" })).toThrow(/must be an absolute http\(s\) URL with a scheme/);
  });

  it("rateLimit comes from x-rate-limit, keyed by the API key; fields override; false turns it off", () => {
    const limiter = createParallaxClient({ env }).limiter;
    expect(limiter?.rule?.limit).toBe(100);
    // the runtime adds a small safety margin to the spec's window
    expect(limiter?.rule?.windowMs).toBeGreaterThanOrEqual(60_000);
    expect(limiter?.key).toBe(hashKey("pat"));
    expect(createParallaxClient({ env, rateLimit: { limit: 50 } }).limiter?.rule?.limit).toBe(50);
    expect(createParallaxClient({ env, rateLimit: false }).limiter).toBeUndefined();
  });
});
