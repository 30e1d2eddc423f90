// Security requirements are alternatives (OR) of scheme sets (AND). A caller who met a base
// alternative is still served when some head alternative asks for no more than that one did.
import type { DiffContext } from "./context.js";
import { ptr } from "./resolve.js";
import type { OpRef } from "./operations.js";

type Alt = Map<string, Set<string>>;

function alternatives(list: unknown): Alt[] {
  if (!Array.isArray(list)) return [];
  return list.map((req) => new Map(Object.entries((req ?? {}) as Record<string, string[]>).map(([k, v]) => [k, new Set(Array.isArray(v) ? v : [])])));
}

/** True when meeting `wide` also meets `narrow` (narrow asks for a subset of wide's schemes and scopes). */
function within(narrow: Alt, wide: Alt): boolean {
  for (const [scheme, scopes] of narrow) {
    const w = wide.get(scheme);
    if (!w) return false;
    for (const s of scopes) if (!w.has(s)) return false;
  }
  return true;
}

const equal = (a: Alt, b: Alt) => within(a, b) && within(b, a);
const sameSchemes = (a: Alt, b: Alt) => a.size === b.size && [...a.keys()].every((k) => b.has(k));
const text = (a: Alt) => (a.size ? [...a].map(([k, v]) => (v.size ? `${k}[${[...v].join(", ")}]` : k)).join(" + ") : "no authentication");

/** Compares two requirement lists; `prefix` is "api" for an operation or "api-global" for the root. */
export function compareRequirements(ctx: DiffContext, base: unknown, bAt: string, head: unknown, hAt: string, prefix: "api" | "api-global"): void {
  // no security key at all means no requirement: one alternative that asks nothing
  const b = Array.isArray(base) && base.length ? alternatives(base) : [new Map()];
  const h = Array.isArray(head) && head.length ? alternatives(head) : [new Map()];
  for (const a of b) {
    if (h.some((x) => within(x, a))) continue;
    const stricter = h.find((x) => within(a, x));
    // the same schemes asking for more scopes: oasdiff's scope rule; otherwise a scheme was added to the set
    if (stricter && sameSchemes(a, stricter)) ctx.emit(`${prefix}-security-scope-added`, bAt, hAt, `callers using ${text(a)} now need ${text(stricter)}`);
    else if (stricter) ctx.emit(`${prefix}-security-added`, bAt, hAt, `callers using ${text(a)} must now also meet ${text(stricter)}`);
    else ctx.emit(`${prefix}-security-alternative-removed`, bAt, hAt, `${text(a)} is no longer accepted`);
  }
  for (const x of h) {
    if (b.some((a) => equal(a, x))) continue;
    const relaxes = b.find((a) => within(x, a));
    if (relaxes && sameSchemes(relaxes, x)) ctx.emit(`${prefix}-security-scope-removed`, bAt, hAt, `${text(relaxes)} relaxed to ${text(x)}`);
    else if (relaxes) ctx.emit(`${prefix}-security-removed`, bAt, hAt, `${text(relaxes)} relaxed to ${text(x)}`);
    else if (!b.some((a) => within(a, x))) ctx.emit(`${prefix}-security-alternative-added`, bAt, hAt, `${text(x)} is now accepted as an alternative`);
  }
}

/** Per-operation security, compared only where an operation overrides the root on either side. */
export function compareSecurity(ctx: DiffContext, b: OpRef, h: OpRef): void {
  if (b.op.security === undefined && h.op.security === undefined) return;
  const bs = b.op.security ?? ctx.base.doc.security;
  const hs = h.op.security ?? ctx.head.doc.security;
  compareRequirements(ctx, bs, b.op.security ? ptr(b.at, "security") : "#/security", hs, h.op.security ? ptr(h.at, "security") : "#/security", "api");
}

type Obj = Record<string, any>;

/** Flows of an oauth2 scheme by name, each with its URLs and scopes. */
const flows = (s: Obj): [string, Obj][] => Object.entries<Obj>(s.flows ?? {}).filter(([, f]) => f && typeof f === "object");
/** What decides how the SDK sends credentials: the type and, per type, where and how. */
const kind = (s: Obj) => [s.type, s.scheme?.toLowerCase?.(), s.in, s.name].filter(Boolean).join(" ");

/** `components.securitySchemes`: schemes added or removed, a scheme's kind, and oauth2 flow URLs and scopes. */
export function compareSecuritySchemes(ctx: DiffContext, base: Obj | undefined, head: Obj | undefined): void {
  const at = (name: string) => ptr("#/components/securitySchemes", name);
  for (const [name, raw] of Object.entries<Obj>(base ?? {})) {
    const b = ctx.base.resolve(raw, at(name)).node;
    const h = head?.[name] ? ctx.head.resolve(head[name], at(name)).node : undefined;
    if (!b) continue;
    if (!h) {
      ctx.emit("api-security-component-removed", at(name), null, `security scheme ${name} removed`);
      continue;
    }
    if (kind(b) !== kind(h)) {
      ctx.emit("api-security-component-type-changed", at(name), at(name), `security scheme ${name} changed from ${kind(b)} to ${kind(h)}`);
      continue;
    }
    const hf = new Map(flows(h));
    for (const [flow, fb] of flows(b)) {
      const fh = hf.get(flow);
      if (!fh) continue;
      const fAt = ptr(at(name), "flows", flow);
      if (fb.tokenUrl !== fh.tokenUrl) ctx.emit("api-security-component-oauth-token-url-changed", ptr(fAt, "tokenUrl"), ptr(fAt, "tokenUrl"), `security scheme ${name} (${flow}): tokenUrl changed from ${fb.tokenUrl} to ${fh.tokenUrl}`);
      if (fb.authorizationUrl !== fh.authorizationUrl) ctx.emit("api-security-component-oauth-url-changed", ptr(fAt, "authorizationUrl"), ptr(fAt, "authorizationUrl"), `security scheme ${name} (${flow}): authorizationUrl changed from ${fb.authorizationUrl} to ${fh.authorizationUrl}`);
      const sb: Obj = fb.scopes ?? {};
      const sh: Obj = fh.scopes ?? {};
      for (const scope of Object.keys(sb)) {
        if (!(scope in sh)) ctx.emit("api-security-component-oauth-scope-removed", ptr(fAt, "scopes", scope), null, `security scheme ${name} (${flow}): scope ${scope} removed`);
        else if (sb[scope] !== sh[scope]) ctx.emit("api-security-component-oauth-scope-changed", ptr(fAt, "scopes", scope), ptr(fAt, "scopes", scope), `security scheme ${name} (${flow}): scope ${scope} description changed`);
      }
      for (const scope of Object.keys(sh)) if (!(scope in sb)) ctx.emit("api-security-component-oauth-scope-added", null, ptr(fAt, "scopes", scope), `security scheme ${name} (${flow}): scope ${scope} added`);
    }
  }
  for (const name of Object.keys(head ?? {})) if (!base?.[name]) ctx.emit("api-security-component-added", null, at(name), `security scheme ${name} added`);
}
