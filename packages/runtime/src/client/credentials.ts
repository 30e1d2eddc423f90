// Credentials from options or the environment, for the spec's auth schemes. The auth strategies
// proper (OAuth2 client credentials, refresh after a 401) are `createAuth` in ../auth (its own
// branch); until it lands, this covers the static schemes (API key, Bearer, Basic, a ready access
// token) behind the same `Auth` contract, so switching is a one-line change in create.ts.
import type { ApiMeta, AuthMeta } from "../api-meta.js";
import type { Auth, AuthCredentials } from "../auth/types.js";
import { ClientConfigError } from "./options.js";

type Env = Readonly<Record<string, string | undefined>>;

const pick = (...values: (string | undefined)[]) => values.map((v) => v?.trim()).find((v): v is string => Boolean(v));

function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

function staticAuth(scheme: string, header: string, value: string, secret: string, place: (r: Request) => Request = (r) => withHeader(r, header, value)): Auth {
  return { scheme, redactHeaders: [header], secrets: () => [secret], authorize: place };
}

function withHeader(request: Request, name: string, value: string): Request {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return new Request(request, { headers });
}

function fromScheme(a: AuthMeta, c: AuthCredentials, env: Env): Auth | undefined {
  switch (a.type) {
    case "apiKey": {
      const key = pick(c.apiKey, env[a.env]);
      if (!key) return undefined;
      if (a.in === "header") return staticAuth("apiKey", a.name, key, key);
      if (a.in === "cookie") return staticAuth("apiKey", "Cookie", `${a.name}=${encodeURIComponent(key)}`, key);
      return staticAuth("apiKey", a.name, key, key, (r) => {
        const url = new URL(r.url);
        url.searchParams.set(a.name, key);
        return new Request(url, r);
      });
    }
    case "bearer": {
      const token = pick(c.apiKey, c.accessToken, env[a.env]);
      return token ? staticAuth("bearer", "Authorization", `Bearer ${token}`, token) : undefined;
    }
    case "basic": {
      if (a.token) {
        const token = pick(c.token, env[a.env]);
        if (!token) return undefined;
        const pair = a.token === "username-and-password" ? `${token}:${token}` : `${token}:`;
        return staticAuth("basic", "Authorization", `Basic ${base64(pair)}`, token);
      }
      const user = pick(c.username, env[a.env]);
      const password = c.password ?? (a.passwordEnv ? env[a.passwordEnv] : undefined) ?? "";
      if (!user) return undefined;
      return staticAuth("basic", "Authorization", `Basic ${base64(`${user}:${password}`)}`, password || user);
    }
    case "oauth2-client-credentials": {
      const token = pick(c.accessToken, env[`${a.env}_ACCESS_TOKEN`]);
      return token ? staticAuth("bearer", "Authorization", `Bearer ${token}`, token) : undefined;
    }
  }
}

function hint(a: AuthMeta): string {
  switch (a.type) {
    case "apiKey":
    case "bearer":
      return `\`apiKey\` (or ${a.env})`;
    case "basic":
      return a.token ? `\`token\` (or ${a.env})` : `\`username\`/\`password\` (or ${a.env}${a.passwordEnv ? `/${a.passwordEnv}` : ""})`;
    case "oauth2-client-credentials":
      return `\`accessToken\` (or ${a.env}_ACCESS_TOKEN)`;
  }
}

/** The first of the spec's schemes the credentials satisfy; none declared → no auth. */
export function resolveAuth(meta: ApiMeta, credentials: AuthCredentials, env: Env): Auth | undefined {
  if (meta.auth.length === 0) return undefined;
  for (const scheme of meta.auth) {
    const auth = fromScheme(scheme, credentials, env);
    if (auth) return auth;
  }
  throw new ClientConfigError(`No credentials for the ${meta.title} API: pass ${meta.auth.map(hint).join(", or ")}.`);
}
