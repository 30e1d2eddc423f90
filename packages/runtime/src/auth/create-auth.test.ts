// createAuth as examples: which scheme wins for which credentials, and what each one puts on the wire.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { AuthMeta } from "../api-meta.js";
import { createAuth, MissingCredentialsError } from "./index.js";

const ctx = { fetch: globalThis.fetch, baseUrl: "https://api.example.test" };
const sign = async (auth: ReturnType<typeof createAuth>, url = "https://api.example.test/v1/things?x=1") =>
  auth.authorize(new Request(url), ctx);

const apiKeyHeader: AuthMeta = { type: "apiKey", in: "header", name: "X-Api-Key", env: "ACME_API_KEY" };
const apiKeyQuery: AuthMeta = { type: "apiKey", in: "query", name: "api_key", env: "ACME_API_KEY" };
const bearer: AuthMeta = { type: "bearer", env: "BLOND_API_KEY" };
const clientary: AuthMeta = { type: "basic", token: "username-and-password", env: "CLIENTARY_TOKEN" };
const basicPair: AuthMeta = { type: "basic", env: "ACME_USER", passwordEnv: "ACME_PASSWORD" };
const oauth: AuthMeta = { type: "oauth2-client-credentials", tokenUrl: "/oauth2/token", env: "SAGE" };

describe("createAuth: what goes on the wire", () => {
  it("apiKey in a header", async () => {
    const r = await sign(createAuth([apiKeyHeader], { apiKey: "k-123456" }));
    expect(r.headers.get("x-api-key")).toBe("k-123456");
  });

  it("apiKey in the query string, keeping the other parameters", async () => {
    const r = await sign(createAuth([apiKeyQuery], { apiKey: "k 1&2" }));
    expect(new URL(r.url).searchParams.get("api_key")).toBe("k 1&2");
    expect(new URL(r.url).searchParams.get("x")).toBe("1");
  });

  it("apiKey in a cookie, beside the cookies already there", async () => {
    const auth = createAuth([{ type: "apiKey", in: "cookie", name: "session", env: "X" }], { apiKey: "c=1;2" });
    const r = await auth.authorize(new Request("https://x.test/a", { headers: { cookie: "theme=dark" } }), ctx);
    expect(r.headers.get("cookie")).toBe("theme=dark; session=c%3D1%3B2");
  });

  it("basic with one token as the username and an empty password", async () => {
    const r = await sign(createAuth([{ type: "basic", token: "username", env: "X" }], { token: "tok-123" }));
    expect(r.headers.get("authorization")).toBe(`Basic ${btoa("tok-123:")}`);
  });

  it("basic refuses a username with a colon, naming the rule", () => {
    expect(() => createAuth([basicPair], { username: "a:b", password: "p" })).toThrow(/must not contain ':' \(RFC 7617/);
  });

  it("bearer", async () => {
    const r = await sign(createAuth([bearer], { apiKey: "pat-abcdef" }));
    expect(r.headers.get("authorization")).toBe("Bearer pat-abcdef");
  });

  it("basic with one token as both user and password (Clientary), UTF-8 before Base64", async () => {
    const r = await sign(createAuth([clientary], { token: "tök€n" }));
    const expected = Buffer.from("tök€n:tök€n", "utf8").toString("base64");
    expect(r.headers.get("authorization")).toBe(`Basic ${expected}`);
  });

  it("basic with a username and password", async () => {
    const r = await sign(createAuth([basicPair], { username: "ann", password: "s3cret!" }));
    expect(r.headers.get("authorization")).toBe(`Basic ${btoa("ann:s3cret!")}`);
  });

  it("keeps the body and method of the request it signs", async () => {
    const auth = createAuth([bearer], { apiKey: "pat-abcdef" });
    const r = await auth.authorize(new Request("https://x.test/a", { method: "POST", body: '{"a":1}' }), ctx);
    expect([r.method, await r.text()]).toEqual(["POST", '{"a":1}']);
  });
});

describe("createAuth: which scheme is chosen", () => {
  it.each<[string, { metas: AuthMeta[]; creds: object; env?: Record<string, string>; want: string }]>([
    ["the first scheme in the spec's order that the options satisfy", { metas: [oauth, bearer], creds: { apiKey: "pat-abcdef" }, want: "bearer" }],
    ["oauth2 from client id and secret", { metas: [oauth, bearer], creds: { clientId: "id", clientSecret: "secret" }, want: "oauth2-client-credentials" }],
    ["oauth2 from a ready access token", { metas: [oauth], creds: { accessToken: "tok-123456" }, want: "oauth2-client-credentials" }],
    ["env vars named in the meta", { metas: [oauth, bearer], creds: {}, env: { BLOND_API_KEY: "pat-abcdef" }, want: "bearer" }],
    ["oauth2 env vars by prefix", { metas: [oauth], creds: {}, env: { SAGE_CLIENT_ID: "id", SAGE_CLIENT_SECRET: "s" }, want: "oauth2-client-credentials" }],
    [
      "explicit options over the environment, even for a later scheme",
      { metas: [apiKeyHeader, bearer], creds: { apiKey: "pat-abcdef" }, env: { ACME_API_KEY: "env-key" }, want: "apiKey" },
    ],
    ["options first: env satisfies scheme 1, options scheme 2", { metas: [clientary, bearer], creds: { apiKey: "pat-abcdef" }, env: { CLIENTARY_TOKEN: "t" }, want: "bearer" }],
    ["a blank env var counts as unset", { metas: [clientary, bearer], creds: {}, env: { CLIENTARY_TOKEN: " ", BLOND_API_KEY: "pat-x" }, want: "bearer" }],
  ])("%s", (_name, { metas, creds, env, want }) => {
    expect(createAuth(metas, creds, env ?? {}).scheme).toBe(want);
  });

  it("throws MissingCredentialsError naming every option and env var that would do", () => {
    const make = () => createAuth([oauth, clientary, apiKeyHeader], { clientId: "only-id" }, {});
    expect(make).toThrow(MissingCredentialsError);
    expect(make).toThrow(/oauth2-client-credentials: pass \{ clientId \+ clientSecret \} or \{ accessToken \}, or set SAGE_CLIENT_ID \+ SAGE_CLIENT_SECRET or SAGE_ACCESS_TOKEN/);
    expect(make).toThrow(/basic: pass \{ token \}, or set CLIENTARY_TOKEN/);
    expect(make).toThrow(/apiKey \(header X-Api-Key\): pass \{ apiKey \}, or set ACME_API_KEY/);
    try {
      make();
    } catch (e) {
      expect((e as MissingCredentialsError).accepted.map((a) => a.scheme)).toEqual(["oauth2-client-credentials", "basic", "apiKey (header X-Api-Key)"]);
    }
  });

  it("passes the spec's token URL, a caller's override, and a username to the oauth2 strategy", () => {
    const auth = createAuth([oauth], { clientId: "id", clientSecret: "secret-value", tokenUrl: "https://idp.test/token" }, {});
    // the strategy's code loads on first use; until then a stand-in with the same scheme and options
    expect(auth.scheme).toBe("oauth2-client-credentials");
    expect(JSON.parse(JSON.stringify(auth))).toEqual({ scheme: "oauth2-client-credentials", tokenUrl: "https://idp.test/token", clientId: "id" });
    expect(inspect(auth)).toContain("https://idp.test/token");
  });
});

describe("no secret in inspect() or JSON", () => {
  it.each<[string, AuthMeta, object, string]>([
    ["apiKey", apiKeyHeader, { apiKey: "key-SECRET-1" }, "key-SECRET-1"],
    ["bearer", bearer, { apiKey: "pat-SECRET-2" }, "pat-SECRET-2"],
    ["basic", clientary, { token: "tok-SECRET-3" }, "tok-SECRET-3"],
    ["oauth2", oauth, { clientId: "id", clientSecret: "cs-SECRET-4", accessToken: "at-SECRET-5" }, "SECRET"],
  ])("%s", (_name, meta, creds, secret) => {
    const auth = createAuth([meta], creds, {});
    expect(inspect(auth, { depth: 5, showHidden: true })).not.toContain(secret);
    expect(JSON.stringify(auth)).not.toContain(secret);
    expect(String(inspect({ nested: { auth } }))).not.toContain(secret);
  });
});
