// OAuth2 client credentials through the SDK against a local token server (real HTTP): one token for
// 100 concurrent calls on a cold client, a revoked token refreshed once and retried once, and the
// token endpoint down reported as an AuthenticationError naming the token URL.
import { afterEach, describe, expect, it } from "vitest";
import { closedPort, type OAuthServer, startOAuthServer } from "../../runtime/test/support/oauth-server.js";
import { AuthenticationError, createSageIntacctClient } from "../src/index.js";

const CLIENT = { clientId: "app-1.app.sage.com", clientSecret: "cs-TOP-SECRET-42" };
let server: OAuthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(tokenDelayMs = 0) {
  server = await startOAuthServer({ ...CLIENT, expiresIn: 3600, tokenDelayMs });
  // the local server answers every non-token path as "the API"
  const sdk = createSageIntacctClient({ ...CLIENT, username: "ws-user@COMPANY", baseUrl: server.url, tokenUrl: `${server.url}/oauth2/token`, rateLimit: false, retry: false });
  const list = () => sdk.GET("/objects/projects/project-resource").then((r) => r.response.status);
  return { sdk, list, server };
}

describe("OAuth2 client credentials (Sage)", () => {
  it("cold start: 100 concurrent calls, one token request, sent as form fields with the username", async () => {
    const { list, server } = await setup(30);
    const statuses = await Promise.all(Array.from({ length: 100 }, list));
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(server.tokenRequests).toHaveLength(1);
    expect(server.tokenRequests[0]).toMatchObject({
      grant: "client_credentials",
      clientAuth: "body",
      params: { client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret, username: "ws-user@COMPANY" },
    });
    expect(new Set(server.apiRequests.map((r) => r.auth)).size).toBe(1);
  });

  it("a 401 on an API call: one refresh, one retry, never a loop", async () => {
    const { list, server } = await setup();
    expect(await list()).toBe(200);
    server.revokeAll();
    expect(await list()).toBe(200);
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.apiRequests.map((r) => r.status)).toEqual([200, 401, 200]);

    server.refuseAll();
    const before = { tokens: server.tokenRequests.length, calls: server.apiRequests.length };
    expect(await list()).toBe(401);
    expect(server.tokenRequests.length - before.tokens).toBe(1);
    expect(server.apiRequests.length - before.calls).toBe(2);
  });

  it("token endpoint down: an AuthenticationError naming the token URL, without the secret", async () => {
    server = await startOAuthServer(CLIENT);
    const tokenUrl = `http://127.0.0.1:${await closedPort()}/oauth2/token`;
    const sdk = createSageIntacctClient({ ...CLIENT, baseUrl: server.url, tokenUrl, rateLimit: false, retry: false });
    const err = await sdk.GET("/objects/projects/project-resource").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as Error).message).toContain(tokenUrl);
    expect((err as Error).message).not.toContain(CLIENT.clientSecret);
    expect(server.apiRequests).toHaveLength(0);
  });
});
