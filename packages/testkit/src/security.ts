// What the spec's security says a request needs: which credentials to send so Prism accepts it,
// and whether an operation may be called without any (no requirement, or an empty `{}` one).
import type { Obj } from "./spec.js";

/** Where credentials go on the wire. */
export interface Credentials {
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
}

export type SecurityPlan =
  /** No requirement applies (none declared, or `{}` among the alternatives): succeeds without credentials. */
  | { kind: "public" }
  /** Credentials for the first requirement; without any, the spec implies 401. */
  | { kind: "required"; schemes: string[]; credentials: Credentials }
  /** A scheme this suite cannot satisfy (e.g. mutualTLS): the case fails naming it, never skipped. */
  | { kind: "unsupported"; reason: string };

const TOKEN = "contract-test-token";

/** The security plan for one operation (`op.security` overrides the document's). */
export function securityPlan(doc: Obj, op: Obj): SecurityPlan {
  const requirements: Obj[] = op.security ?? doc.security ?? [];
  if (requirements.length === 0 || requirements.some((r) => Object.keys(r).length === 0)) return { kind: "public" };
  const schemes: Obj = doc.components?.securitySchemes ?? {};
  const first = requirements[0]!;
  const credentials: Credentials = { headers: {}, query: {}, cookies: {} };
  for (const name of Object.keys(first)) {
    const scheme = schemes[name] as Obj | undefined;
    if (!scheme) return { kind: "unsupported", reason: `security scheme "${name}" is not defined in components.securitySchemes` };
    const type = String(scheme.type);
    if (type === "apiKey") {
      const where = scheme.in === "query" ? credentials.query : scheme.in === "cookie" ? credentials.cookies : credentials.headers;
      where[scheme.name] = TOKEN;
    } else if (type === "http" && String(scheme.scheme).toLowerCase() === "basic") {
      credentials.headers.authorization = `Basic ${Buffer.from("contract:test").toString("base64")}`;
    } else if (type === "http" || type === "oauth2" || type === "openIdConnect") {
      // bearer, and the token an OAuth2 / OpenID Connect flow ends with
      credentials.headers.authorization = `Bearer ${TOKEN}`;
    } else {
      return { kind: "unsupported", reason: `security scheme "${name}" has type "${type}", which a plain HTTP request cannot satisfy` };
    }
  }
  return { kind: "required", schemes: Object.keys(first), credentials };
}
