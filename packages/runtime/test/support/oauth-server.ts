// A local OAuth2 authorization server plus a protected API, for the client-credentials tests:
// POST /oauth2/token (client_credentials and refresh_token grants, client auth by Basic or form
// fields) and GET|POST /api/* that accepts only live, unrevoked tokens it issued.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface OAuthServerOptions {
  clientId: string;
  clientSecret: string;
  /** Lifetime announced in `expires_in`; omitted when undefined. @unit s */
  expiresIn?: number;
  /** Issue a refresh token with each access token. */
  issueRefreshToken?: boolean;
  /** Delay before answering a token request, to widen races. @unit ms */
  tokenDelayMs?: number;
}

export interface TokenRequestLog {
  grant: string;
  clientAuth: "basic" | "body" | "none";
  params: Record<string, string>;
}

export interface OAuthServer {
  url: string;
  tokenRequests: TokenRequestLog[];
  apiRequests: { auth: string | undefined; status: number }[];
  /** Makes every token issued so far invalid (the API answers 401). */
  revokeAll(): void;
  /** From now on the API refuses every token, even fresh ones (e.g. the client lost its permission). */
  refuseAll(): void;
  /** Makes refresh tokens invalid (the token endpoint answers 400 invalid_grant). */
  revokeRefreshTokens(): void;
  /** Answers the token endpoint with this status from now on (undefined: normal). */
  failTokenEndpoint(status: number | undefined): void;
  close(): Promise<void>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

export async function startOAuthServer(o: OAuthServerOptions): Promise<OAuthServer> {
  const live = new Set<string>();
  const refresh = new Set<string>();
  const tokenRequests: TokenRequestLog[] = [];
  const apiRequests: OAuthServer["apiRequests"] = [];
  let n = 0;
  let failStatus: number | undefined;
  let refuse = false;

  const server = createServer(async (req, res) => {
    const body = await read(req);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(json));
    };
    if (req.url === "/oauth2/token" && req.method === "POST") {
      const params = Object.fromEntries(new URLSearchParams(body));
      let id = params.client_id;
      let secret = params.client_secret;
      let clientAuth: TokenRequestLog["clientAuth"] = id ? "body" : "none";
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
      if (basic) {
        const [u, p] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":");
        id = decodeURIComponent(u!.replace(/\+/g, " "));
        secret = decodeURIComponent(p!.replace(/\+/g, " "));
        clientAuth = "basic";
      }
      tokenRequests.push({ grant: params.grant_type ?? "", clientAuth, params });
      if (o.tokenDelayMs) await new Promise((r) => setTimeout(r, o.tokenDelayMs));
      if (failStatus) return send(failStatus, { error: "temporarily_unavailable" });
      if (params.grant_type === "refresh_token") {
        if (!refresh.has(params.refresh_token ?? "")) return send(400, { error: "invalid_grant", error_description: "refresh token expired" });
        refresh.delete(params.refresh_token!);
      } else if (params.grant_type !== "client_credentials") {
        return send(400, { error: "unsupported_grant_type" });
      } else if (id !== o.clientId || secret !== o.clientSecret) {
        return send(401, { error: "invalid_client", error_description: "client authentication failed" });
      }
      n++;
      const token = `at-${n}-${Math.random().toString(36).slice(2)}`;
      live.add(token);
      const out: Record<string, unknown> = { access_token: token, token_type: "Bearer" };
      if (o.expiresIn !== undefined) out.expires_in = o.expiresIn;
      if (o.issueRefreshToken) {
        const rt = `rt-${n}-${Math.random().toString(36).slice(2)}`;
        refresh.add(rt);
        out.refresh_token = rt;
      }
      return send(200, out);
    }
    const auth = req.headers.authorization;
    const token = /^Bearer (.+)$/.exec(auth ?? "")?.[1];
    const ok = !refuse && token !== undefined && live.has(token);
    apiRequests.push({ auth, status: ok ? 200 : 401 });
    if (!ok) return send(401, { error: "invalid_token", message: `token ${token} is not valid` });
    return send(200, { ok: true, echo: body || undefined });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tokenRequests,
    apiRequests,
    revokeAll: () => live.clear(),
    refuseAll: () => {
      refuse = true;
    },
    revokeRefreshTokens: () => refresh.clear(),
    failTokenEndpoint: (status) => {
      failStatus = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released): connections are refused. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
}
