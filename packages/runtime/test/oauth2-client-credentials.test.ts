// OAuth2 client credentials against a local authorization server (real HTTP on 127.0.0.1): cold
// start, expiry, concurrent refresh, a revoked token, the token endpoint down, and no secret leaking.
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  type AttemptEvent,
  AuthenticationError,
  createAuth,
  createTransport,
  OAuth2ClientCredentials,
  type OAuth2ClientCredentialsOptions,
  OAuth2TokenError,
  type TransportOptions,
} from "../src/index.js";
import { closedPort, type OAuthServer, type OAuthServerOptions, startOAuthServer } from "./support/oauth-server.js";

const CLIENT = { clientId: "app-1.client", clientSecret: "cs-TOP-SECRET-42" };
let server: OAuthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(serverOpts: Partial<OAuthServerOptions> = {}, authOpts: Partial<OAuth2ClientCredentialsOptions> = {}, transport: TransportOptions = {}) {
  server = await startOAuthServer({ ...CLIENT, expiresIn: 3600, ...serverOpts });
  let now = 1_700_000_000_000;
  const auth = new OAuth2ClientCredentials({ tokenUrl: "/oauth2/token", ...CLIENT, clock: () => now, ...authOpts });
  const t = createTransport({ rateLimit: false, retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 }, auth, ...transport });
  const get = (path = "/api/things") => t.fetch(`${server!.url}${path}`);
  return { auth, t, get, advance: (ms: number) => (now += ms), server: server! };
}

describe("OAuth2 client credentials", () => {
  it("cold start: 100 concurrent calls make exactly one token request", async () => {
    const { auth, get, server } = await setup({ tokenDelayMs: 30 });
    const statuses = await Promise.all(Array.from({ length: 100 }, () => get().then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(server.tokenRequests).toHaveLength(1);
    expect(auth.tokenRequests).toBe(1);
    expect(server.tokenRequests[0]).toMatchObject({ grant: "client_credentials", clientAuth: "basic" });
    expect(new Set(server.apiRequests.map((r) => r.auth)).size).toBe(1);
  });

  it("a caller giving up while the token is on its way does not cancel it for the others", async () => {
    const { t, server } = await setup({ tokenDelayMs: 150 });
    const impatient = t.fetch(`${server.url}/api/things`, { signal: AbortSignal.timeout(20) });
    const patient = t.fetch(`${server.url}/api/things`);
    await expect(impatient).rejects.toMatchObject({ name: "AbortError" });
    expect((await patient).status).toBe(200);
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.apiRequests).toHaveLength(1);
  });

  it("sends client id and secret as form fields when the provider wants them there, with scopes and extra params", async () => {
    const { get, server } = await setup({}, { clientAuth: "body", scopes: ["read", "write"], extraParams: { username: "ws@company" } });
    expect((await get()).status).toBe(200);
    expect(server.tokenRequests[0]).toMatchObject({
      clientAuth: "body",
      params: { grant_type: "client_credentials", client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, scope: "read write", username: "ws@company" },
    });
  });

  it("reuses the token until shortly before expires_in runs out, then renews it", async () => {
    const { get, advance, server } = await setup({ expiresIn: 3600 });
    await get();
    advance(3_500_000); // 100 s before expiry: still more than the 60 s margin
    await get();
    expect(server.tokenRequests).toHaveLength(1);
    advance(50_000); // 50 s before expiry: inside the margin
    await get();
    expect(server.tokenRequests).toHaveLength(2);
    const [a, b, c] = server.apiRequests.map((r) => r.auth);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("uses the refresh-token grant when one was issued, and falls back to client credentials when it is refused", async () => {
    const { get, advance, server } = await setup({ expiresIn: 60, issueRefreshToken: true });
    await get();
    advance(60_000);
    await get();
    expect(server.tokenRequests.map((r) => r.grant)).toEqual(["client_credentials", "refresh_token"]);
    expect(server.tokenRequests[1]!.params.refresh_token).toMatch(/^rt-1-/);
    server.revokeRefreshTokens();
    advance(60_000);
    expect((await get()).status).toBe(200);
    expect(server.tokenRequests.map((r) => r.grant)).toEqual(["client_credentials", "refresh_token", "refresh_token", "client_credentials"]);
  });

  it("concurrent 401s after a revocation renew the token once, and every call succeeds on its single retry", async () => {
    const { get, server } = await setup({ tokenDelayMs: 20 });
    await get();
    server.revokeAll();
    const statuses = await Promise.all(Array.from({ length: 20 }, () => get().then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.apiRequests.filter((r) => r.status === 401)).toHaveLength(20);
    expect(server.apiRequests).toHaveLength(41);
  });

  it("a server that refuses even the renewed token: one refresh, one retry, then the 401 stands (no loop)", async () => {
    const events: AttemptEvent[] = [];
    const { get, server } = await setup({}, {}, { onAttempt: (e) => events.push(e) });
    expect((await get()).status).toBe(200);
    server.refuseAll();
    expect((await get()).status).toBe(401);
    expect(server.tokenRequests).toHaveLength(2);
    expect(events.map((e) => [e.status, e.retry])).toEqual([
      [200, false],
      [401, true],
      [401, false],
    ]);
  });

  it("a ready access token is used as is; when it is rejected, client credentials take over", async () => {
    const { get, server } = await setup({}, { accessToken: "at-from-elsewhere" });
    expect((await get()).status).toBe(200);
    expect(server.apiRequests.map((r) => r.auth)).toEqual(["Bearer at-from-elsewhere", expect.stringMatching(/^Bearer at-1-/)]);
    expect(server.tokenRequests).toHaveLength(1);
  });

  it("a ready access token alone: a 401 is final after one attempt", async () => {
    server = await startOAuthServer({ ...CLIENT });
    const auth = createAuth([{ type: "oauth2-client-credentials", tokenUrl: "/oauth2/token", env: "SAGE" }], {}, { SAGE_ACCESS_TOKEN: "at-stale" });
    const t = createTransport({ rateLimit: false, auth });
    expect((await t.fetch(`${server.url}/api/things`)).status).toBe(401);
    expect([server.apiRequests.length, server.tokenRequests.length]).toEqual([1, 0]);
  });

  it("token endpoint down: an AuthenticationError naming the token URL, with no secret in it", async () => {
    const port = await closedPort();
    const tokenUrl = `http://127.0.0.1:${port}/oauth2/token`;
    server = await startOAuthServer({ ...CLIENT });
    const auth = new OAuth2ClientCredentials({ tokenUrl, ...CLIENT });
    const t = createTransport({ rateLimit: false, auth });
    const err = await t.fetch(`${server.url}/api/things`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect(err).toBeInstanceOf(OAuth2TokenError);
    expect((err as OAuth2TokenError).message).toMatch(new RegExp(`^Could not get an OAuth2 access token from ${tokenUrl}: the token endpoint could not be reached \\(ECONNREFUSED\\)`));
    expect((err as OAuth2TokenError).status).toBe(0);
    expect(server.apiRequests).toHaveLength(0);
    expect(inspect(err, { depth: 10 })).not.toContain(CLIENT.clientSecret);
  });

  it.each([
    [503, /answered 503 temporarily_unavailable/],
    [401, /answered 401 .*Check the client id and secret/],
  ])("token endpoint answering %i: an OAuth2TokenError with the status and the OAuth error code", async (status, message) => {
    const { get, server } = await setup();
    server.failTokenEndpoint(status);
    const err = await get().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuth2TokenError);
    expect((err as OAuth2TokenError).status).toBe(status);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain("/oauth2/token");
  });

  it("wrong client secret: invalid_client, and the wrong secret is nowhere in the error", async () => {
    server = await startOAuthServer({ ...CLIENT });
    const auth = new OAuth2ClientCredentials({ tokenUrl: "/oauth2/token", clientId: CLIENT.clientId, clientSecret: "cs-WRONG-SECRET" });
    const err = await createTransport({ rateLimit: false, auth }).fetch(`${server.url}/api/things`).catch((e: unknown) => e);
    expect((err as OAuth2TokenError).oauthError).toBe("invalid_client");
    expect(inspect(err, { depth: 10 }) + JSON.stringify(err)).not.toContain("cs-WRONG-SECRET");
  });

  it("no secret or token in inspect(), JSON, logs or error messages", async () => {
    const lines: string[] = [];
    const logger = { debug: (m: string, e: AttemptEvent) => lines.push(m + JSON.stringify(e)), warn: (m: string, e: AttemptEvent) => lines.push(m + JSON.stringify(e)) };
    const { auth, get, server } = await setup({ issueRefreshToken: true }, {}, { logger, throwOnError: true });
    await get();
    server.revokeAll();
    server.revokeRefreshTokens();
    server.failTokenEndpoint(500);
    const err = await get().catch((e: unknown) => e);
    const issued = auth.secrets();
    expect(issued.length).toBeGreaterThanOrEqual(3);
    const everything = [inspect(auth, { showHidden: true, depth: 10 }), JSON.stringify(auth), inspect(err, { depth: 10 }), JSON.stringify(err), ...lines].join("\n");
    for (const s of [CLIENT.clientSecret, ...issued]) expect(everything).not.toContain(s);
    expect(everything).toContain("OAuth2ClientCredentials");
  });
});
