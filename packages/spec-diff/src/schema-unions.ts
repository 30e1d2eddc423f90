// oneOf/anyOf: branches paired by `$ref`, then title, then position; and a union on one side only
// (`X` became `oneOf: [X, Y]`), where the plain side pairs with its branch and the rest are added or
// removed, instead of comparing a union with one schema as if they were alike.
import { same, show, type DiffContext } from "./context.js";
import type { RefResolver } from "./resolve.js";
import { compareSchema, subjectOf, type Place } from "./schema.js";
import { viewAll, type At, type SchemaView } from "./schema-view.js";

/** The `$ref` (or title) a branch is known by, so branches pair by identity before position. */
function branchKey(side: RefResolver, a: At): string | undefined {
  const n = a.node as any;
  if (typeof n?.$ref === "string") return `ref:${n.$ref}`;
  const title = side.resolve(a.node, a.at).node?.title;
  return title ? `title:${title}` : undefined;
}

/**
 * One side is a oneOf/anyOf and the other is not: the plain side pairs with its branch (same `$ref`,
 * else the single branch of matching type) and the rest are branches added or removed. Returns true
 * when handled, so the two are not compared as if a union were one schema.
 */
export function compareUnionShape(ctx: DiffContext, b: At, h: At, vb: SchemaView, vh: SchemaView, place: Place, depth: number): boolean {
  for (const key of ["oneOf", "anyOf"] as const) {
    const ub = vb[key]?.length ? vb[key] : undefined;
    const uh = vh[key]?.length ? vh[key] : undefined;
    // both unions are compared branch by branch; a union of the other kind on the plain side is too ambiguous
    if (!!ub === !!uh || (ub ? vh : vb).oneOf?.length || (ub ? vh : vb).anyOf?.length) continue;
    const [plain, plainSide, union, unionSide, widened] = uh ? [b, ctx.base, uh, ctx.head, true] : [h, ctx.head, ub!, ctx.base, false];
    const pk = branchKey(plainSide, plain);
    const pv = widened ? vb : vh;
    let match = pk ? union.findIndex((x) => branchKey(unionSide, x) === pk) : -1;
    if (match < 0) match = union.findIndex((x) => same(viewAll(unionSide, x).types, pv.types) && pv.types !== null);
    if (match < 0) return false;
    const others = union.filter((_, i) => i !== match);
    const kw = key === "oneOf" ? "one-of" : "any-of";
    if (widened && key === "oneOf" && place.scope === "body" && !place.path) {
      ctx.emit(`${place.dir}-body-wrapped-in-one-of`, vb.at, vh.at, `${subjectOf(place)}: wrapped in a oneOf with ${others.length} other branch${others.length === 1 ? "" : "es"}`);
    } else {
      const id = `${place.dir}-${place.scope === "body" && !place.path ? "body" : "property"}-${kw}-${widened ? "added" : "removed"}`;
      for (const o of others) ctx.emit(id, widened ? vb.at : o.at, widened ? o.at : vh.at, `${subjectOf(place)}: ${key} branch ${show(branchKey(unionSide, o) ?? o.at)} ${widened ? "added" : "removed"}`);
    }
    const partner = union[match]!;
    compareSchema(ctx, widened ? plain : partner, widened ? partner : plain, place, depth + 1);
    return true;
  }
  return false;
}


/** Pairs oneOf/anyOf branches by `$ref`, then by title, then by position; unpaired ones are added/removed. */
export function compareBranches(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place, key: "oneOf" | "anyOf", depth: number): void {
  const bb = b[key] ?? [];
  const hb = h[key] ?? [];
  if (!bb.length || !hb.length) return;
  const id = `${place.dir}-${place.scope === "body" && !place.path ? "body" : "property"}-${key === "oneOf" ? "one-of" : "any-of"}`;
  const restB = [...bb];
  const restH = [...hb];
  const pairs: [At, At][] = [];
  for (const x of [...restB]) {
    const k = branchKey(ctx.base, x);
    const i = k ? restH.findIndex((y) => branchKey(ctx.head, y) === k) : -1;
    if (i >= 0) {
      pairs.push([x, restH[i]!]);
      restB.splice(restB.indexOf(x), 1);
      restH.splice(i, 1);
    }
  }
  while (restB.length && restH.length) pairs.push([restB.shift()!, restH.shift()!]);
  for (const x of restB) ctx.emit(`${id}-removed`, x.at, h.at, `${subjectOf(place)}: ${key} branch ${show(branchKey(ctx.base, x) ?? x.at)} removed`);
  for (const y of restH) ctx.emit(`${id}-added`, b.at, y.at, `${subjectOf(place)}: ${key} branch ${show(branchKey(ctx.head, y) ?? y.at)} added`);
  for (const [x, y] of pairs) compareSchema(ctx, x, y, place, depth + 1);
}
