// The contract every auth strategy (`auth/<scheme>.ts`) implements. The transport calls `authorize`
// before each attempt and, after a 401, `refresh` at most once per call.

/** Credentials a caller may pass; which ones apply depends on the API's `AuthMeta`. */
export interface AuthCredentials {
  /** API key (apiKey scheme) or bearer token / personal access token (bearer scheme). */
  apiKey?: string;
  /** Token for HTTP Basic when the spec says one secret fills the pair (e.g. Clientary). */
  token?: string;
  username?: string;
  password?: string;
  /** OAuth2 client credentials. */
  clientId?: string;
  clientSecret?: string;
  /** A ready OAuth2 access token (skips the token endpoint until it is rejected). */
  accessToken?: string;
  /** Overrides the spec's token URL (absolute, or relative to the base URL's origin). */
  tokenUrl?: string;
  scopes?: string[];
}

/** What an auth strategy may use while authorizing. */
export interface AuthContext {
  /** The un-paced fetch for token requests (token calls do not spend the API's budget). */
  fetch: typeof fetch;
  /** The origin of the request being signed, to resolve a relative token URL. */
  readonly baseUrl: string;
  signal?: AbortSignal;
}

/** One configured credential, ready to sign requests. */
export interface Auth {
  /** The scheme in use, e.g. `apiKey`, `bearer`, `basic`, `oauth2-client-credentials`. */
  readonly scheme: string;
  /**
   * Adds credentials to a request (may fetch or refresh a token first, single-flight). The transport
   * passes a Request it owns (openapi-fetch's, or a fresh copy per retry), so setting a header on
   * it and returning it is fine; return a new Request only to change what cannot be set (the URL).
   */
  authorize(request: Request, ctx: AuthContext): Promise<Request> | Request;
  /**
   * Called after a 401: drop the cached credential and obtain a new one. Resolves true when a single
   * retry with new credentials makes sense (never loops: the transport calls it once per call).
   * `rejected` is the request the server refused: a strategy compares its credential with the current
   * one, so 100 calls failing with the same revoked token cause one renewal, not 100.
   */
  refresh?(ctx: AuthContext, rejected?: Request): Promise<boolean>;
  /** Header names whose values must be redacted in logs and errors. */
  readonly redactHeaders: readonly string[];
  /** Secret values currently in use (keys, tokens), scrubbed from any text the SDK emits. */
  secrets(): string[];
}
