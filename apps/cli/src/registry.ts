// The APIs the CLI knows. Each comes from an SDK package's exported `meta` and `create<Name>Client`;
// the list itself is generated (scripts/embed-apis.ts writes src/generated/apis.ts from spec/*/api.json
// at build time), so a new API in the repo gets its commands with no CLI code.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ApiMeta, ApiPaginator, AuthMeta, ChunkedWriteResult, RateLimiter } from "@apiforge/runtime";
import { GENERATED_APIS, type GeneratedApi } from "./generated/apis.js";

/** A JSON object as parsed from the spec (the effective OpenAPI document). */
export type OpenApiDocument = Record<string, any> & { openapi: string; paths?: Record<string, any>; components?: Record<string, any> };

/** What an HTTP call through an SDK client returns (openapi-fetch's shape). */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The paginator `client.paginate()` returns, loosely typed (the CLI works on any API's items). */
export type CliPaginator = ApiPaginator<unknown, unknown>;

/** One method of the SDK client (`GET`, `POST`, …) with its options untyped: the CLI validates against the spec itself. */
export type CliCall = (path: string, init?: Record<string, unknown>) => Promise<CallResult>;

/** An SDK client as the CLI uses it: every API's client has this shape (runtime `createApiClient`). */
export interface CliClient {
  readonly meta: ApiMeta;
  readonly baseUrl: string;
  GET: CliCall;
  PUT: CliCall;
  POST: CliCall;
  DELETE: CliCall;
  PATCH: CliCall;
  HEAD: CliCall;
  OPTIONS: CliCall;
  paginate(path: string, init?: Record<string, unknown>, options?: { pageSize?: number; maxItems?: number; maxPages?: number; signal?: AbortSignal }): CliPaginator;
  /** Chunked writers for the spec's bulk operations, by operationId. */
  bulk: Record<string, (init: Record<string, unknown>, entries: readonly unknown[], options?: { chunkSize?: number; signal?: AbortSignal }) => Promise<ChunkedWriteResult<unknown, unknown>>>;
  requestIdOf(source: Response | { response: Response }): string | undefined;
  limiter: RateLimiter | undefined;
  close(): void;
}

/** Options the CLI passes to an SDK's `create<Name>Client` (the runtime's `ApiClientOptions`, loosely). */
export type CliClientOptions = Record<string, unknown>;

/** One credential source of an API: the env vars that satisfy one auth scheme, and the file flags standing in for them. */
export interface CredentialSource {
  /** The auth scheme, e.g. `apiKey (header X-API-KEY)`, `bearer`, `basic`, `oauth2-client-credentials`. */
  scheme: string;
  /** Alternatives; each is a set of env vars that together satisfy the scheme. */
  env: string[][];
  /** The `--*-file` flags standing in for each alternative (same order as `env`). */
  files: string[][];
}

/** One API the CLI can call. */
export interface ApiEntry {
  /** Folder name under spec/ and the CLI's first argument, e.g. `parallax`. */
  name: string;
  /** npm name of the SDK package, e.g. `@apiforge/parallax`. */
  packageName: string;
  /** The SDK's generated meta. */
  meta: ApiMeta;
  /** The SDK's `create<Name>Client`. */
  createClient(options: CliClientOptions): CliClient;
  /** The effective spec (snapshot + overlays) embedded at build time; read on first use. */
  loadSpec(): OpenApiDocument;
  /** Env var names: base URL, log level, credentials per scheme, server variables (`<PREFIX>_<VAR>`). */
  env: { baseUrl: string; log: string; credentials: CredentialSource[]; serverVariables: Record<string, string> };
}

/** Env var sets that satisfy one auth scheme (mirrors the runtime's createAuth lookup). */
export function credentialSource(auth: AuthMeta): CredentialSource {
  const type = auth.type;
  switch (auth.type) {
    case "apiKey":
      return { scheme: `apiKey (${auth.in} ${auth.name})`, env: [[auth.env]], files: [["--api-key-file"]] };
    case "bearer":
      return { scheme: "bearer", env: [[auth.env]], files: [["--api-key-file"]] };
    case "basic":
      return auth.token
        ? { scheme: "basic", env: [[auth.env]], files: [["--token-file"]] }
        : { scheme: "basic", env: [[auth.env, auth.passwordEnv ?? `${auth.env}_PASSWORD`]], files: [[auth.env, "--password-file"]] };
    case "oauth2-client-credentials":
      return {
        scheme: "oauth2-client-credentials",
        env: [[`${auth.env}_CLIENT_ID`, `${auth.env}_CLIENT_SECRET`], [`${auth.env}_ACCESS_TOKEN`]],
        files: [["--client-id-file", "--client-secret-file"], ["--access-token-file"]],
      };
    default:
      return { scheme: String(type), env: [], files: [] };
  }
}

function serverVariables(meta: ApiMeta): Record<string, string> {
  const out: Record<string, string> = {};
  for (const server of meta.servers) {
    for (const name of Object.keys(server.variables ?? {})) out[name] = `${meta.envPrefix}_${name.replace(/[^a-z0-9]+/gi, "_").toUpperCase()}`;
  }
  return out;
}

// dist/main.js reads dist/specs/; tests running src/ read the built copy in ../dist/specs/
const SPEC_DIRS = [new URL("./specs/", import.meta.url), new URL("../dist/specs/", import.meta.url)];

function specLoader(name: string): () => OpenApiDocument {
  let cached: OpenApiDocument | undefined;
  return () => {
    if (cached) return cached;
    const file = SPEC_DIRS.map((dir) => fileURLToPath(new URL(`${name}.json`, dir))).find((f) => existsSync(f));
    if (!file) throw new Error(`The ${name} spec is not embedded in this build (looked for specs/${name}.json beside the CLI); run \`pnpm --filter @apiforge/cli build\`.`);
    cached = JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument;
    return cached;
  };
}

function entryOf(g: GeneratedApi): ApiEntry {
  const meta = g.meta as ApiMeta;
  return {
    name: g.name,
    packageName: g.packageName,
    meta,
    createClient: g.createClient as (options: CliClientOptions) => CliClient,
    loadSpec: specLoader(g.name),
    env: {
      baseUrl: `${meta.envPrefix}_BASE_URL`,
      log: `${meta.envPrefix}_LOG`,
      credentials: meta.auth.map(credentialSource),
      serverVariables: serverVariables(meta),
    },
  };
}

/** Every API, sorted by name. */
export const APIS: readonly ApiEntry[] = GENERATED_APIS.map(entryOf).sort((a, b) => a.name.localeCompare(b.name));

/** The API called `name`, or undefined. */
export function findApi(name: string): ApiEntry | undefined {
  return APIS.find((a) => a.name === name);
}
