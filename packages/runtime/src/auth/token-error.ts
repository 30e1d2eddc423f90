// The token endpoint could not give us a token: it was unreachable, answered an error, or answered
// something that is not a token. An `AuthenticationError` (so one `instanceof` covers every auth
// failure) whose message names the token URL, the reason and the fix, and never a secret.
import { AuthenticationError } from "../errors.js";

/** What went wrong at the token endpoint. */
export interface OAuth2TokenErrorInit {
  /** The token URL, without its query string. */
  tokenUrl: string;
  /** HTTP status of the token response; 0 when no response arrived. */
  status: number;
  /** Response headers, already redacted. */
  headers?: Record<string, string>;
  /** The (scrubbed) response body. */
  body?: unknown;
  /** The OAuth2 `error` code (RFC 6749 §5.2), e.g. `invalid_client`. */
  oauthError?: string;
  reason: string;
  fix: string;
  cause?: unknown;
}

/** Getting an access token failed; `status` is 0 when the token endpoint was unreachable. */
export class OAuth2TokenError extends AuthenticationError {
  override name = "OAuth2TokenError";
  readonly tokenUrl: string;
  readonly oauthError: string | undefined;

  constructor(init: OAuth2TokenErrorInit) {
    super({ status: init.status, headers: init.headers ?? {}, body: init.body, method: "POST", path: init.tokenUrl });
    this.message = `Could not get an OAuth2 access token from ${init.tokenUrl}: ${init.reason}. ${init.fix}`;
    this.tokenUrl = init.tokenUrl;
    this.oauthError = init.oauthError;
    if (init.cause !== undefined) Object.defineProperty(this, "cause", { value: init.cause, configurable: true, writable: true });
  }
}
