// The OAuth2 strategy createAuth hands out: the same behaviour as OAuth2ClientCredentials, whose
// code (token requests, refresh grants, error parsing) is loaded by a dynamic import on the first
// authorize, so an SDK whose users pass an API key does not ship it in their bundle. Authorizing
// is async anyway (a token may have to be fetched first).
import { INSPECT } from "./shared.js";
import type { OAuth2ClientCredentials, OAuth2ClientCredentialsOptions } from "./oauth2-client-credentials.js";
import type { Auth, AuthContext } from "./types.js";

/** OAuth2 client credentials, loaded on first use. */
export class LazyOAuth2ClientCredentials implements Auth {
  readonly scheme = "oauth2-client-credentials";
  readonly redactHeaders: readonly string[] = ["authorization"];
  readonly #options: OAuth2ClientCredentialsOptions;
  #impl: OAuth2ClientCredentials | undefined;
  #loading: Promise<OAuth2ClientCredentials> | undefined;

  constructor(options: OAuth2ClientCredentialsOptions) {
    // the check the real constructor makes, now rather than at the first call
    if (!(options.clientId && options.clientSecret) && !options.accessToken) {
      throw new TypeError("OAuth2 client credentials need clientId and clientSecret, or a ready accessToken.");
    }
    this.#options = options;
  }

  #load(): Promise<OAuth2ClientCredentials> {
    this.#loading ??= import("./oauth2-client-credentials.js").then((m) => {
      this.#impl = new m.OAuth2ClientCredentials(this.#options);
      return this.#impl;
    });
    return this.#loading;
  }

  async authorize(request: Request, ctx: AuthContext): Promise<Request> {
    return (this.#impl ?? (await this.#load())).authorize(request, ctx);
  }

  async refresh(ctx: AuthContext, rejected?: Request): Promise<boolean> {
    return (this.#impl ?? (await this.#load())).refresh(ctx, rejected);
  }

  secrets(): string[] {
    if (this.#impl) return this.#impl.secrets();
    // in the strategy's order, so the rate-limit key (the first one) is the same before and after loading
    const { clientSecret, accessToken } = this.#options;
    return [clientSecret, accessToken].filter((s): s is string => !!s);
  }

  [INSPECT](): string {
    if (this.#impl) return (this.#impl as unknown as Record<symbol, () => string>)[INSPECT]!();
    return `OAuth2ClientCredentials { tokenUrl: '${this.#options.tokenUrl}', clientId: '${this.#options.clientId ?? ""}', renewAt: no token yet, secrets: [redacted] }`;
  }

  toJSON(): object {
    return { scheme: this.scheme, tokenUrl: this.#options.tokenUrl, clientId: this.#options.clientId };
  }
}
