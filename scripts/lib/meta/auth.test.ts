import { describe, expect, it } from "vitest";
import type { AuthMeta } from "../../../packages/runtime/src/api-meta.ts";
import { GenerateError } from "../errors.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { extractAuth } from "./auth.ts";
import { envPrefix } from "./schema.ts";

const spec = (securitySchemes: object, extra: object = {}): OpenApiDoc => ({ openapi: "3.1.0", paths: {}, components: { securitySchemes }, ...extra });

const cases: [string, { given: OpenApiDoc; want: AuthMeta[] }][] = [
  ["apiKey in a header (Parallax)", { given: spec({ ApiKey: { type: "apiKey", in: "header", name: "X-API-KEY" } }), want: [{ type: "apiKey", in: "header", name: "X-API-KEY", env: "ACME_API_KEY" }] }],
  ["apiKey in the query", { given: spec({ Key: { type: "apiKey", in: "query", name: "api_key" } }), want: [{ type: "apiKey", in: "query", name: "api_key", env: "ACME_API_KEY" }] }],
  ["apiKey in a cookie", { given: spec({ Session: { type: "apiKey", in: "cookie", name: "sid" } }), want: [{ type: "apiKey", in: "cookie", name: "sid", env: "ACME_API_KEY" }] }],
  ["http bearer (scheme name in any case)", { given: spec({ Bearer: { type: "http", scheme: "Bearer" } }), want: [{ type: "bearer", env: "ACME_API_KEY" }] }],
  ["http basic with separate user and password", { given: spec({ Basic: { type: "http", scheme: "basic" } }), want: [{ type: "basic", env: "ACME_USERNAME", passwordEnv: "ACME_PASSWORD" }] }],
  [
    "http basic where one token fills the pair (Clientary, by extension)",
    {
      given: spec({ BasicAuth: { type: "http", scheme: "basic" } }, { "x-apiforge-auth": { BasicAuth: { token: "username-and-password", env: "CLIENTARY_API_TOKEN" } } }),
      want: [{ type: "basic", token: "username-and-password", env: "CLIENTARY_API_TOKEN" }],
    },
  ],
  ["http basic with a token and the default env name", { given: spec({ B: { type: "http", scheme: "basic" } }, { "x-apiforge-auth": { B: { token: "username" } } }), want: [{ type: "basic", token: "username", env: "ACME_API_TOKEN" }] }],
  [
    "oauth2 client credentials, with scopes and refresh URL",
    {
      given: spec({ OAuth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/oauth/token", refreshUrl: "/oauth/refresh", scopes: { read: "", write: "" } } } } }),
      want: [{ type: "oauth2-client-credentials", tokenUrl: "/oauth/token", refreshUrl: "/oauth/refresh", scopes: ["read", "write"], env: "ACME" }],
    },
  ],
  [
    "oauth2 with only an authorizationCode flow gives no entry (Sage as published)",
    { given: spec({ OAuth2: { type: "oauth2", flows: { authorizationCode: { authorizationUrl: "https://x/authorize", tokenUrl: "https://x/token", scopes: {} } } } }), want: [] },
  ],
  [
    "an extension turns that authorizationCode scheme into client credentials",
    {
      given: spec(
        { OAuth2: { type: "oauth2", flows: { authorizationCode: { authorizationUrl: "https://x/authorize", tokenUrl: "https://x/token", refreshUrl: "https://x/token", scopes: {} } } } },
        { "x-apiforge-auth": { OAuth2: { type: "oauth2-client-credentials", env: "SAGE_INTACCT" } } },
      ),
      want: [{ type: "oauth2-client-credentials", tokenUrl: "https://x/token", refreshUrl: "https://x/token", env: "SAGE_INTACCT" }],
    },
  ],
  ["schemes the runtime cannot drive are left out", { given: spec({ OIDC: { type: "openIdConnect", openIdConnectUrl: "https://x" }, Digest: { type: "http", scheme: "digest" } }), want: [] }],
  ["a scheme the extension skips is left out", { given: spec({ Sig: { type: "apiKey", in: "header", name: "X-Sig" } }, { "x-apiforge-auth": { Sig: { skip: true } } }), want: [] }],
];

describe("auth from securitySchemes", () => {
  it.each(cases)("%s", (_, { given, want }) => {
    expect(extractAuth(given, "ACME")).toEqual(want);
  });

  it("orders schemes as the root security names them, then operations', then the rest", () => {
    const doc = spec(
      { Basic: { type: "http", scheme: "basic" }, Bearer: { type: "http", scheme: "bearer" }, Key: { type: "apiKey", in: "header", name: "K" } },
      { security: [{ Bearer: [] }], paths: { "/x": { get: { security: [{ Key: [] }, { Bearer: [] }] } } } },
    );
    expect(extractAuth(doc, "ACME").map((a) => a.type)).toEqual(["bearer", "apiKey", "basic"]);
  });

  it("refuses an extension for a scheme the spec does not declare", () => {
    expect(() => extractAuth(spec({ A: { type: "http", scheme: "bearer" } }, { "x-apiforge-auth": { Bsic: { token: "username" } } }), "ACME")).toThrow(/Bsic is not a scheme in components.securitySchemes \(declared: A\)/);
  });

  it("refuses a misspelt extension field and a client-credentials entry with no token URL", () => {
    expect(() => extractAuth(spec({ A: { type: "http", scheme: "basic" } }, { "x-apiforge-auth": { A: { tokn: "username" } } }), "ACME")).toThrow(GenerateError);
    expect(() => extractAuth(spec({ A: { type: "http", scheme: "bearer" } }, { "x-apiforge-auth": { A: { type: "oauth2-client-credentials" } } }), "ACME")).toThrow(/needs a tokenUrl/);
  });

  it.each([
    ["parallax", "PARALLAX"],
    ["sage-intacct", "SAGE_INTACCT"],
    ["strawBlond", "STRAW_BLOND"],
    ["my.api v2", "MY_API_V2"],
  ])("env prefix of %s is %s", (name, want) => {
    expect(envPrefix(name)).toBe(want);
  });
});
