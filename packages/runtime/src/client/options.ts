// Options of `createApiClient`, typed from the API's meta: only the credentials its auth schemes
// use and the variables its servers declare are accepted (anything else is a compile error).
import type { ApiMeta } from "../api-meta.js";
import type { Auth, AuthCredentials } from "../auth/types.js";
import { SdkError } from "../errors.js";
import type { AttemptEvent, RateLimitOptions, TransportOptions } from "../options.js";
import type { PaginationWarning } from "../pagination/types.js";

/** A logger: `debug` gets every request attempt; `warn` failed attempts and pagination warnings. */
export interface ApiClientLogger {
  debug?(message: string, event: AttemptEvent): void;
  warn?(message: string, event: AttemptEvent | PaginationWarning): void;
}

/** Options every API's client takes. */
export interface BaseClientOptions {
  /** Server to call, with its scheme (`https://…`). @default `<ENV_PREFIX>_BASE_URL`, else the spec's production (or first) server */
  baseUrl?: string;
  /** Client-side pacing; fields given here override the spec's; `false` turns it off (e.g. against a mock). @default the spec's rate limit */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Retry policy, or `false` for a single attempt. @default the runtime's policy */
  retry?: TransportOptions["retry"];
  /** Per-attempt timeout; 0 disables. @unit ms @default the runtime's default */
  timeoutMs?: number;
  /** Whole-call deadline: queueing, every attempt and the waits between them; 0 disables. @default 30 s counted from the first send (a host that never answers fails in about 30 s) @unit ms */
  deadlineMs?: number;
  /** Make `GET`/`POST`/… throw the typed error instead of returning `{ error }`. `paginate()` and `bulk` always throw. @default false */
  throwOnError?: boolean;
  /** The `fetch` to send requests with (tests, proxies). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Where attempts, failures and pagination warnings go. @default a console logger at `logLevel`, else silent */
  logger?: ApiClientLogger;
  /** The built-in console logger's level when no `logger` is given. @default `<ENV_PREFIX>_LOG`, else "silent" */
  logLevel?: "debug" | "warn" | "silent";
  /** A ready credential strategy, used instead of the spec's auth schemes. */
  auth?: Auth;
  /** Environment to read `<ENV_PREFIX>_*` variables from. @default process.env where `process` exists, else none */
  env?: Readonly<Record<string, string | undefined>>;
}

type CredentialKeysOf<A> = A extends { type: "apiKey" } | { type: "bearer" }
  ? "apiKey"
  : A extends { type: "basic"; token: string }
    ? "token"
    : A extends { type: "basic" }
      ? "username" | "password"
      : A extends { type: "oauth2-client-credentials" }
        ? "clientId" | "clientSecret" | "accessToken" | "tokenUrl" | "scopes" | "username"
        : never;

/** The credentials the API's auth schemes accept (e.g. `apiKey`, or `token` for Basic-with-one-secret). */
export type CredentialOptions<M extends ApiMeta> = Pick<AuthCredentials, CredentialKeysOf<M["auth"][number]> & keyof AuthCredentials>;

type VariableNames<M extends ApiMeta> = M["servers"][number] extends infer S ? (S extends { variables: infer V } ? keyof V & string : never) : never;

/** Server variables (e.g. Clientary's `subdomain`), filled into the server URL. */
export type ServerVariableOptions<M extends ApiMeta> = { [K in VariableNames<M>]?: string };

/** Options of `createApiClient` for one API. */
export type ApiClientOptions<M extends ApiMeta> = BaseClientOptions & CredentialOptions<M> & ServerVariableOptions<M>;

/** Bad options at construction: the message names the option and the fix. */
export class ClientConfigError extends SdkError {
  override name = "ClientConfigError";
}

/** The process environment where one exists (Node, Bun, Deno's compat); none on edge runtimes and browsers. */
export function defaultEnv(): Readonly<Record<string, string | undefined>> {
  const proc = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process;
  return proc?.env ?? {};
}

// RFC 1123 host label: letters, digits, inner hyphens, at most 63 characters
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The base URL: the option, else `<PREFIX>_BASE_URL`, else the spec's server with its variables filled. */
export function resolveBaseUrl(meta: ApiMeta, options: BaseClientOptions & Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): string {
  const envName = `${meta.envPrefix}_BASE_URL`;
  const given = options.baseUrl ?? (env[envName]?.trim() || undefined);
  const url = given ?? fromServers(meta, options, env);
  const from = options.baseUrl !== undefined ? "baseUrl" : given !== undefined ? envName : "the spec's server URL";
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:") || !parsed.host) {
    throw new ClientConfigError(`${from} must be an absolute http(s) URL with a scheme, got "${url}"; write it as "https://${url.replace(/^[a-z]+:\/\//i, "")}" (or "http://…" for a local mock).`);
  }
  return url.replace(/\/+$/, "");
}

function fromServers(meta: ApiMeta, options: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): string {
  const server = meta.servers.find((s) => /production/i.test(s.description ?? "")) ?? meta.servers[0];
  if (!server) throw new ClientConfigError(`The ${meta.title} spec lists no server: pass \`baseUrl\` or set ${meta.envPrefix}_BASE_URL.`);
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const declared = server.variables?.[name];
    const envName = `${meta.envPrefix}_${name.replace(/[^a-z0-9]+/gi, "_").toUpperCase()}`;
    const raw = options[name] ?? (env[envName]?.trim() || undefined) ?? declared?.default;
    if (typeof raw !== "string" || raw === "") {
      throw new ClientConfigError(`The ${meta.title} server URL ${server.url} needs \`${name}\`: pass it as an option or set ${envName}.`);
    }
    if (declared?.enum && !declared.enum.includes(raw)) {
      throw new ClientConfigError(`\`${name}\` must be one of ${declared.enum.join(", ")}, got "${raw}".`);
    }
    // a variable inside the host must be one DNS label, or it could redirect requests (and credentials) elsewhere
    const inHost = new RegExp(`^[a-z]+://[^/]*\\{${name}\\}`, "i").test(server.url);
    if (inHost && !HOST_LABEL.test(raw)) {
      throw new ClientConfigError(`\`${name}\` must be a valid host label (letters, digits and inner hyphens, at most 63 characters), got "${raw}": pass only your account's name (e.g. "acme"), not a URL or a host.`);
    }
    return inHost ? raw.toLowerCase() : encodeURIComponent(raw);
  });
}

