// The error `createAuth` throws when nothing the caller passed (or the environment holds) satisfies
// any scheme the API accepts. It lists, per scheme, the options and the env vars that would.
import { SdkError } from "../errors.js";

/** What would satisfy one scheme. */
export interface CredentialOption {
  /** The scheme, e.g. `bearer`, `oauth2-client-credentials`. */
  scheme: string;
  /** Ways to satisfy it with options; each entry is a set of options needed together, e.g. `clientId + clientSecret`. */
  options: string[];
  /** The same ways through environment variables, e.g. `SAGE_CLIENT_ID + SAGE_CLIENT_SECRET`. */
  env: string[];
}

/** No credentials for any of the API's auth schemes were found. */
export class MissingCredentialsError extends SdkError {
  override name = "MissingCredentialsError";
  /** One entry per scheme the API accepts, in the spec's order. */
  readonly accepted: readonly CredentialOption[];

  constructor(accepted: readonly CredentialOption[]) {
    super(missingMessage(accepted));
    this.accepted = accepted;
  }
}

function missingMessage(accepted: readonly CredentialOption[]): string {
  if (!accepted.length) return "No credentials: this API declares no auth scheme the runtime supports; pass `auth` to the client yourself.";
  const lines = accepted.map((o) => `  - ${o.scheme}: pass ${o.options.map((x) => `{ ${x} }`).join(" or ")}, or set ${o.env.join(" or ")}`);
  return `No credentials found. This API accepts any one of:\n${lines.join("\n")}`;
}
