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
const text = (a: Alt) => (a.size ? [...a].map(([k, v]) => (v.size ? `${k}[${[...v].join(", ")}]` : k)).join(" + ") : "no authentication");

/** Compares two requirement lists; `prefix` is "api" for an operation or "api-global" for the root. */
export function compareRequirements(ctx: DiffContext, base: unknown, bAt: string, head: unknown, hAt: string, prefix: "api" | "api-global"): void {
  // no security key at all means no requirement: one alternative that asks nothing
  const b = Array.isArray(base) && base.length ? alternatives(base) : [new Map()];
  const h = Array.isArray(head) && head.length ? alternatives(head) : [new Map()];
  for (const a of b) {
    if (h.some((x) => within(x, a))) continue;
    const stricter = h.find((x) => within(a, x));
    if (stricter) ctx.emit(`${prefix}-security-added`, bAt, hAt, `callers using ${text(a)} must now also meet ${text(stricter)}`);
    else ctx.emit(`${prefix}-security-alternative-removed`, bAt, hAt, `${text(a)} is no longer accepted`);
  }
  for (const x of h) {
    if (b.some((a) => equal(a, x))) continue;
    const relaxes = b.find((a) => within(x, a));
    if (relaxes) ctx.emit(`${prefix}-security-removed`, bAt, hAt, `${text(relaxes)} relaxed to ${text(x)}`);
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
