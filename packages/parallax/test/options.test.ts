import { SdkError } from "@apiforge/runtime";
import { describe, expect, it } from "vitest";
import { createParallaxClient, MissingApiKeyError } from "../src/index.js";
import { resolveOptions } from "../src/options.js";

describe("API key", () => {
  it.each([
    ["no option and no env", {}, {}],
    ["an empty option", { apiKey: "" }, {}],
    ["a blank env var", {}, { PARALLAX_API_KEY: "   " }],
  ])("%s → MissingApiKeyError naming the option and PARALLAX_API_KEY", (_, options, env) => {
    expect(() => resolveOptions(options, env)).toThrow(MissingApiKeyError);
    expect(() => resolveOptions(options, env)).toThrow(/createParallaxClient\(\{ apiKey \}\).*PARALLAX_API_KEY/);
  });

  it("is a typed SdkError, thrown at construction", () => {
    const saved = process.env.PARALLAX_API_KEY;
    delete process.env.PARALLAX_API_KEY;
    try {
      expect(() => createParallaxClient()).toThrow(SdkError);
    } finally {
      if (saved !== undefined) process.env.PARALLAX_API_KEY = saved;
    }
  });

  it("is read from PARALLAX_API_KEY when not passed; the option wins", () => {
    expect(resolveOptions({}, { PARALLAX_API_KEY: "pat_env" }).apiKey).toBe("pat_env");
    expect(resolveOptions({ apiKey: "pat_opt" }, { PARALLAX_API_KEY: "pat_env" }).apiKey).toBe("pat_opt");
  });

  it("is sent as X-API-KEY", async () => {
    const seen: (string | null)[] = [];
    const fetch: typeof globalThis.fetch = async (info, init) => {
      seen.push(new Request(info, init).headers.get("x-api-key"));
      return Response.json({ id: "r1", name: "Dev" });
    };
    const client = createParallaxClient({ apiKey: "pat_header", baseUrl: "http://127.0.0.1:9", rateLimit: false, fetch });
    await client.GET("/v1/roles/{id}", { params: { path: { id: "r1" } } });
    expect(seen).toEqual(["pat_header"]);
  });
});

describe("defaults from the spec", () => {
  const env = { PARALLAX_API_KEY: "pat" };

  it("baseUrl is the production server", () => {
    expect(resolveOptions({}, env).baseUrl).toBe("https://api.getparallax.com");
    expect(resolveOptions({ baseUrl: "http://127.0.0.1:4010/" }, env).baseUrl).toBe("http://127.0.0.1:4010");
  });

  it("rateLimit comes from x-rate-limit, keyed by the API key; fields override; false turns it off", () => {
    expect(resolveOptions({}, env).transport.rateLimit).toEqual({ limit: 100, windowMs: 60_000, key: "pat" });
    expect(resolveOptions({ rateLimit: { limit: 50 } }, env).transport.rateLimit).toEqual({ limit: 50, windowMs: 60_000, key: "pat" });
    expect(resolveOptions({ rateLimit: false }, env)).toMatchObject({ transport: { rateLimit: false }, rateLimit: null });
  });

  it("the client exposes its limiter only when pacing is on", () => {
    const rule = createParallaxClient({ apiKey: "pat" }).limiter?.rule;
    expect(rule?.limit).toBe(100);
    // the runtime adds a small safety margin to the spec's window
    expect(rule?.windowMs).toBeGreaterThanOrEqual(60_000);
    expect(createParallaxClient({ apiKey: "pat", rateLimit: false }).limiter).toBeUndefined();
  });
});
