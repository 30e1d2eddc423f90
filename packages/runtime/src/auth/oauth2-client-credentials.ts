// OAuth2 client credentials (RFC 6749 §4.4). The token is fetched on first use, cached, renewed a
// little before `expires_in` runs out, and shared: concurrent calls wait on one token request
// (single flight). A refresh token, when the server issued one, is tried before a new grant (§6).
// Secrets live in private fields, and the inspect hook and toJSON print none of them.
import { createRedactor, redactionSet } from "../redact.js";
import { base64Utf8, INSPECT, withHeader } from "./shared.js";
import { OAuth2TokenError } from "./token-error.js";
import type { Auth, AuthContext } from "./types.js";

/** Options of {@link OAuth2ClientCredentials}. Either `clientId` + `clientSecret`, or a ready `accessToken`, or both. */
export interface OAuth2ClientCredentialsOptions {
  /** Token endpoint: absolute, or relative to the API's origin (e.g. `/ia/api/v1/oauth2/token`). */
  tokenUrl: string;
  /** Endpoint for the refresh-token grant. @default tokenUrl */
  refreshUrl?: string;
  clientId?: string;
  clientSecret?: string;
  /** A token obtained elsewhere: used until the API rejects it (then client credentials, if given, take over). */
  accessToken?: string;
  scopes?: string[];
  /**
   * How the client authenticates at the token endpoint: HTTP Basic (RFC 6749 §2.3.1, which every
   * server must support) or `client_id`/`client_secret` form fields. @default "basic"
   */
  clientAuth?: "basic" | "body";
  /** Extra form fields for the grant, e.g. `{ username }` where a provider asks for one. */
  extraParams?: Record<string, string>;
  /** Renew this long before expiry (capped at a tenth of the token's lifetime). @default 60_000 @unit ms */
  refreshBeforeMs?: number;
  /** Timeout of one token request. @default 30_000 @unit ms */
  tokenTimeoutMs?: number;
  /** Current time, for tests. @default Date.now */
  clock?: () => number;
}

interface Token {
  accessToken: string;
  refreshToken?: string;
  /** When to stop using it and renew (ms since epoch); Infinity when the server gave no lifetime. */
  renewAt: number;
}

/** The OAuth2 client-credentials strategy. */
export class OAuth2ClientCredentials implements Auth {
  readonly scheme = "oauth2-client-credentials";
  readonly redactHeaders: readonly string[] = ["authorization"];
  readonly #o: Omit<OAuth2ClientCredentialsOptions, "clientSecret" | "accessToken">;
  readonly #secret: string | undefined;
  readonly #clock: () => number;
  #token: Token | undefined;
  #inflight: Promise<Token> | undefined;
  #old: string[] = [];
  #requests = 0;

  constructor(options: OAuth2ClientCredentialsOptions) {
    const { clientSecret, accessToken, ...rest } = options;
    if (!(rest.clientId && clientSecret) && !accessToken) {
      throw new TypeError("OAuth2 client credentials need clientId and clientSecret, or a ready accessToken.");
    }
    this.#o = rest;
    this.#secret = clientSecret;
    this.#clock = options.clock ?? Date.now;
    if (accessToken) this.#token = { accessToken, renewAt: Number.POSITIVE_INFINITY };
  }

  /** Token requests sent so far (for metrics). */
  get tokenRequests(): number {
    return this.#requests;
  }

  async authorize(request: Request, ctx: AuthContext): Promise<Request> {
    const t = this.#token;
    const token = t && this.#clock() < t.renewAt ? t : await this.#renew(ctx);
    return withHeader(request, "authorization", `Bearer ${token.accessToken}`);
  }

  async refresh(ctx: AuthContext, rejected?: Request): Promise<boolean> {
    if (this.#inflight) return this.#renew(ctx).then(() => true);
    const current = this.#token;
    const sent = rejected?.headers.get("authorization");
    // someone else already replaced the token this request carried: just retry with the new one
    if (current && sent && sent !== `Bearer ${current.accessToken}`) return true;
    if (!this.#canObtain()) return false;
    if (current) this.#token = { ...current, renewAt: 0 };
    await this.#renew(ctx);
    return true;
  }

  secrets(): string[] {
    const t = this.#token;
    return [this.#secret, this.#basic(), t?.accessToken, t?.refreshToken, ...this.#old].filter((s): s is string => !!s);
  }

  [INSPECT](): string {
    const expires = this.#token ? (Number.isFinite(this.#token.renewAt) ? new Date(this.#token.renewAt).toISOString() : "none") : "no token yet";
    return `OAuth2ClientCredentials { tokenUrl: '${this.#o.tokenUrl}', clientId: '${this.#o.clientId ?? ""}', renewAt: ${expires}, secrets: [redacted] }`;
  }

  toJSON(): object {
    return { scheme: this.scheme, tokenUrl: this.#o.tokenUrl, clientId: this.#o.clientId };
  }

  #canObtain(): boolean {
    return !!(this.#o.clientId && this.#secret) || !!this.#token?.refreshToken;
  }

  /** One token request at a time; every caller waits on it (each may give up on its own signal). */
  #renew(ctx: AuthContext): Promise<Token> {
    if (!this.#inflight) {
      const p = this.#obtain(ctx).then((t) => {
        if (this.#token) this.#old = [this.#token.accessToken, this.#token.refreshToken, ...this.#old].filter((s): s is string => !!s).slice(0, 6);
        this.#token = t;
        return t;
      });
      this.#inflight = p;
      const clear = () => {
        if (this.#inflight === p) this.#inflight = undefined;
      };
      p.then(clear, clear);
    }
    return abortable(this.#inflight, ctx.signal);
  }

  async #obtain(ctx: AuthContext): Promise<Token> {
    const refreshToken = this.#token?.refreshToken;
    const haveClient = !!(this.#o.clientId && this.#secret);
    if (refreshToken) {
      try {
        return await this.#grant(ctx, this.#o.refreshUrl ?? this.#o.tokenUrl, { grant_type: "refresh_token", refresh_token: refreshToken });
      } catch (e) {
        // an expired or revoked refresh token (400 invalid_grant, 401) is not fatal while we hold the client's own credentials
        if (!(haveClient && e instanceof OAuth2TokenError && (e.status === 400 || e.status === 401))) throw e;
      }
    }
    if (!haveClient) {
      throw new OAuth2TokenError({
        tokenUrl: this.#o.tokenUrl,
        status: 0,
        reason: "the access token was rejected and no client credentials were given to get a new one",
        fix: "Pass clientId and clientSecret (or a fresh accessToken).",
      });
    }
    const params: Record<string, string> = { grant_type: "client_credentials", ...this.#o.extraParams };
    if (this.#o.scopes?.length) params.scope = this.#o.scopes.join(" ");
    return this.#grant(ctx, this.#o.tokenUrl, params);
  }

  #basic(): string | undefined {
    if (!this.#o.clientId || !this.#secret || this.#o.clientAuth === "body") return undefined;
    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and Base64-encoded
    return `Basic ${base64Utf8(`${formEncode(this.#o.clientId)}:${formEncode(this.#secret)}`)}`;
  }

  async #grant(ctx: AuthContext, where: string, params: Record<string, string>): Promise<Token> {
    const url = new URL(where, ctx.baseUrl);
    const shown = `${url.origin}${url.pathname}`;
    const form = new URLSearchParams(params);
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
    const basic = this.#basic();
    if (basic) headers.authorization = basic;
    else if (this.#o.clientId && this.#secret) {
      form.set("client_id", this.#o.clientId);
      form.set("client_secret", this.#secret);
    }
    const redactor = createRedactor(redactionSet(), this.secrets());
    const fail = (status: number, reason: string, fix: string, extra: Partial<ConstructorParameters<typeof OAuth2TokenError>[0]> = {}) =>
      new OAuth2TokenError({ tokenUrl: shown, status, reason: redactor.text(reason), fix, ...extra });
    this.#requests++;
    let res: Response;
    let text: string;
    try {
      res = await ctx.fetch(url, { method: "POST", headers, body: form, signal: AbortSignal.timeout(this.#o.tokenTimeoutMs ?? 30_000) });
      text = await res.text();
    } catch (e) {
      const why = describeFailure(e);
      throw fail(0, `the token endpoint could not be reached (${why})`, "Check the token URL (the tokenUrl option) and that the server is up.", { cause: e });
    }
    const body = parseJson(text);
    const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    if (!res.ok) {
      const code = typeof b.error === "string" ? b.error : undefined;
      const desc = typeof b.error_description === "string" ? `: ${b.error_description}` : "";
      const fix =
        code === "invalid_client" || res.status === 401
          ? "Check the client id and secret (and that this client may use the client-credentials grant)."
          : code === "invalid_scope"
            ? "Check the scopes you asked for."
            : "Check the token URL and the client's configuration at the provider.";
      throw fail(res.status, `it answered ${res.status}${code ? ` ${code}` : ""}${desc}`, fix, {
        oauthError: code,
        headers: redactor.headers(res.headers),
        body: redactor.value(body),
      });
    }
    const type = typeof b.token_type === "string" ? b.token_type.toLowerCase() : "bearer";
    if (typeof b.access_token !== "string" || !b.access_token || type !== "bearer") {
      throw fail(res.status, `the response holds no bearer access_token (token_type ${type})`, "Check that tokenUrl points at the OAuth2 token endpoint.");
    }
    const lifetimeMs = Number(b.expires_in) * 1000;
    const now = this.#clock();
    const renewAt =
      Number.isFinite(lifetimeMs) && lifetimeMs > 0 ? now + lifetimeMs - Math.min(this.#o.refreshBeforeMs ?? 60_000, lifetimeMs / 10) : Number.POSITIVE_INFINITY;
    const refreshToken = typeof b.refresh_token === "string" && b.refresh_token ? b.refresh_token : params.refresh_token;
    return { accessToken: b.access_token, refreshToken, renewAt };
  }
}

function formEncode(s: string): string {
  return new URLSearchParams({ s }).toString().slice(2);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text || undefined;
  }
}

function describeFailure(e: unknown): string {
  const err = e as { name?: string; cause?: { code?: string } };
  if (err?.name === "TimeoutError") return "timed out";
  if (err?.name === "AbortError") return "aborted";
  return err?.cause?.code ?? (e instanceof Error ? e.message : String(e));
}

/** `p`, or a rejection with the signal's reason as soon as it aborts (p itself keeps going for the others). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
