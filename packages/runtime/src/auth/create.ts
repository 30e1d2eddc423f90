// createAuth: picks the first auth scheme the API accepts (the spec's order) that the credentials
// satisfy. Explicit credentials win over the environment: a first pass looks only at what the
// caller passed, a second at the env vars the meta names. Nothing found: a MissingCredentialsError
// listing, per scheme, the options and env vars that would do.
import type { AuthMeta } from "../api-meta.js";
import { ApiKeyAuth } from "./api-key.js";
import { BasicAuth } from "./basic.js";
import { BearerAuth } from "./bearer.js";
import { type CredentialOption, MissingCredentialsError } from "./missing-credentials.js";
import { LazyOAuth2ClientCredentials } from "./oauth2-lazy.js";
import { present } from "./shared.js";
import type { Auth, AuthCredentials } from "./types.js";

type Env = Record<string, string | undefined>;
type Lookup = (option: keyof AuthCredentials, envName: string | undefined) => string | undefined;

const processEnv = (): Env => (globalThis as { process?: { env?: Env } }).process?.env ?? {};

/**
 * Builds the {@link Auth} for an API from its `AuthMeta` list and the caller's credentials.
 * @param env where the meta's env vars are read. @default process.env
 * @throws MissingCredentialsError when no scheme is satisfied.
 */
export function createAuth(metas: readonly AuthMeta[], credentials: AuthCredentials = {}, env: Env = processEnv()): Auth {
  const fromOptions: Lookup = (option) => present(credentials[option] as string | undefined);
  const fromEither: Lookup = (option, envName) => fromOptions(option, envName) ?? (envName ? present(env[envName]) : undefined);
  for (const lookup of [fromOptions, fromEither]) {
    for (const meta of metas) {
      const auth = tryScheme(meta, lookup, credentials);
      if (auth) return auth;
    }
  }
  throw new MissingCredentialsError(metas.map(describe));
}

function tryScheme(meta: AuthMeta, get: Lookup, credentials: AuthCredentials): Auth | undefined {
  switch (meta.type) {
    case "apiKey": {
      const key = get("apiKey", meta.env);
      return key ? new ApiKeyAuth(key, { in: meta.in, name: meta.name }) : undefined;
    }
    case "bearer": {
      const token = get("apiKey", meta.env) ?? get("accessToken", undefined);
      return token ? new BearerAuth(token) : undefined;
    }
    case "basic": {
      if (meta.token) {
        const token = get("token", meta.env);
        if (!token) return undefined;
        return new BasicAuth(token, meta.token === "username-and-password" ? token : "");
      }
      const user = get("username", meta.env);
      // an explicitly empty password is a real (if weak) credential; only a missing one is not
      const password = credentials.password ?? (meta.passwordEnv ? present(get("password", meta.passwordEnv)) : undefined);
      return user && password !== undefined ? new BasicAuth(user, password) : undefined;
    }
    case "oauth2-client-credentials": {
      const p = meta.env;
      const clientId = get("clientId", `${p}_CLIENT_ID`);
      const clientSecret = get("clientSecret", `${p}_CLIENT_SECRET`);
      const accessToken = get("accessToken", `${p}_ACCESS_TOKEN`);
      if (!(clientId && clientSecret) && !accessToken) return undefined;
      const username = get("username", `${p}_USERNAME`);
      // its code loads on the first call (./oauth2-lazy.ts): most SDK users never need it
      return new LazyOAuth2ClientCredentials({
        tokenUrl: credentials.tokenUrl ?? meta.tokenUrl,
        refreshUrl: meta.refreshUrl,
        clientId,
        clientSecret,
        accessToken,
        scopes: credentials.scopes ?? meta.scopes,
        clientAuth: meta.clientAuth,
        // some providers identify a service user in the grant (e.g. `user@company`); only sent when given
        extraParams: username ? { username } : undefined,
      });
    }
  }
}

function describe(meta: AuthMeta): CredentialOption {
  switch (meta.type) {
    case "apiKey":
      return { scheme: `apiKey (${meta.in} ${meta.name})`, options: ["apiKey"], env: [meta.env] };
    case "bearer":
      return { scheme: "bearer", options: ["apiKey", "accessToken"], env: [meta.env] };
    case "basic":
      return meta.token
        ? { scheme: "basic", options: ["token"], env: [meta.env] }
        : { scheme: "basic", options: ["username + password"], env: [`${meta.env} + ${meta.passwordEnv ?? "(password option)"}`] };
    case "oauth2-client-credentials":
      return {
        scheme: "oauth2-client-credentials",
        options: ["clientId + clientSecret", "accessToken"],
        env: [`${meta.env}_CLIENT_ID + ${meta.env}_CLIENT_SECRET`, `${meta.env}_ACCESS_TOKEN`],
      };
  }
}
