// Auth from `components.securitySchemes`, ordered as the spec's `security` requirements name them
// (root first, then operations), with `x-apiforge-auth` (root: scheme name → extras) adding what a
// spec cannot say: env var names, how one token fills a Basic pair, or a client-credentials flow.
import type { AuthMeta } from "../../../packages/runtime/src/api-meta.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { compact, expectObject, invalid, onlyKeys, optBoolean, optEnum, optString, optStrings } from "./extension.ts";
import { deref, type Obj } from "./schema.ts";

const AT = "x-apiforge-auth at the root";
const EXTRA_FIELDS = ["type", "env", "passwordEnv", "token", "tokenUrl", "refreshUrl", "scopes", "clientAuth", "skip"] as const;

/** Scheme names in the order the spec requires them: root `security`, operations', then the rest declared. */
function schemeOrder(doc: OpenApiDoc, declared: string[]): string[] {
  const order: string[] = [];
  const add = (requirements: unknown) => {
    for (const req of Array.isArray(requirements) ? requirements : []) {
      for (const name of Object.keys(req ?? {})) if (!order.includes(name)) order.push(name);
    }
  };
  add(doc.security);
  for (const item of Object.values<Obj>(doc.paths ?? {})) {
    for (const op of Object.values<Obj>(item ?? {})) if (op && typeof op === "object") add(op.security);
  }
  for (const name of declared) if (!order.includes(name)) order.push(name);
  return order.filter((n) => declared.includes(n));
}

function readExtras(doc: OpenApiDoc): Record<string, Obj> {
  const raw = doc["x-apiforge-auth"];
  if (raw === undefined) return {};
  const value = expectObject(raw, AT);
  for (const [name, extra] of Object.entries(value)) onlyKeys(expectObject(extra, `${AT}, ${name}`), EXTRA_FIELDS, `${AT}, ${name}`);
  return value;
}

/** One scheme as AuthMeta, or undefined for schemes the runtime has no strategy for (openIdConnect, digest, …). */
function schemeMeta(name: string, scheme: Obj, extra: Obj, prefix: string): AuthMeta | undefined {
  const at = `${AT}, ${name}`;
  const env = optString(extra, "env", at);
  const type = optEnum(extra, "type", ["apiKey", "bearer", "basic", "oauth2-client-credentials"] as const, at);
  if (type === "oauth2-client-credentials" || (scheme.type === "oauth2" && !type)) {
    // authorizationCode-only schemes give no client-credentials entry unless the extension asks for one
    const flow = scheme.flows?.clientCredentials ?? (type ? Object.values<Obj>(scheme.flows ?? {})[0] : undefined);
    const tokenUrl = optString(extra, "tokenUrl", at) ?? flow?.tokenUrl;
    if (!flow && !type) return undefined;
    if (!tokenUrl) throw invalid(at, "oauth2-client-credentials needs a tokenUrl (the scheme declares none)");
    const scopes = optStrings(extra, "scopes", at) ?? Object.keys(flow?.scopes ?? {});
    const clientAuth = optEnum(extra, "clientAuth", ["basic", "body"] as const, at);
    return compact({
      type: "oauth2-client-credentials" as const,
      tokenUrl,
      refreshUrl: optString(extra, "refreshUrl", at) ?? flow?.refreshUrl,
      scopes: scopes.length ? scopes : undefined,
      env: env ?? prefix,
      clientAuth,
    });
  }
  if (type === "apiKey" || (!type && scheme.type === "apiKey")) {
    const where = scheme.in;
    if (!["header", "query", "cookie"].includes(where) || typeof scheme.name !== "string") throw invalid(`securitySchemes.${name}`, "an apiKey scheme needs `in` (header, query or cookie) and `name`");
    return { type: "apiKey", in: where, name: scheme.name, env: env ?? `${prefix}_API_KEY` };
  }
  const http = scheme.type === "http" ? String(scheme.scheme ?? "").toLowerCase() : undefined;
  if (type === "bearer" || (!type && http === "bearer")) return { type: "bearer", env: env ?? `${prefix}_API_KEY` };
  if (type === "basic" || (!type && http === "basic")) {
    const token = optEnum(extra, "token", ["username-and-password", "username"] as const, at);
    if (token) return { type: "basic", token, env: env ?? `${prefix}_API_TOKEN` };
    return { type: "basic", env: env ?? `${prefix}_USERNAME`, passwordEnv: optString(extra, "passwordEnv", at) ?? `${prefix}_PASSWORD` };
  }
  return undefined;
}

/** Every usable auth scheme, in the order the spec prefers them. */
export function extractAuth(doc: OpenApiDoc, prefix: string): AuthMeta[] {
  const schemes: Record<string, unknown> = doc.components?.securitySchemes ?? {};
  const extras = readExtras(doc);
  for (const name of Object.keys(extras)) {
    if (!(name in schemes)) throw invalid(AT, `${name} is not a scheme in components.securitySchemes (declared: ${Object.keys(schemes).join(", ") || "none"})`);
  }
  const out: AuthMeta[] = [];
  for (const name of schemeOrder(doc, Object.keys(schemes))) {
    const extra = extras[name] ?? {};
    if (optBoolean(extra, "skip", `${AT}, ${name}`)) continue;
    const scheme = deref(doc, schemes[name]);
    const meta = scheme ? schemeMeta(name, scheme, extra, prefix) : undefined;
    if (meta) out.push(meta);
  }
  return out;
}
