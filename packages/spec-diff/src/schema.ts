// Compares two schemas in the role they play (request parameter, request body or property,
// response body or property), recursing through properties, items, additionalProperties,
// oneOf/anyOf and (via the view) allOf. `$ref` cycles end at the first pair seen twice.
import { same, show, type DiffContext } from "./context.js";
import type { RefResolver } from "./resolve.js";
import { viewAll, type Bound, type LimitName, type SchemaView, type At } from "./schema-view.js";

export interface Place {
  dir: "request" | "response";
  /** "header": a response header or a webhook header parameter, compared in the response role. */
  scope: "parameter" | "body" | "property" | "header";
  /** How messages name the top: "query parameter `page_size`", "request body (application/json)", "response 200 body". */
  root: string;
  /** Dotted property path below the parameter or body ("" at the top). */
  path: string;
}

const prefix = (p: Place) => `${p.dir}-${p.scope}`;

/** The place one level down: a property, `[]` for items, `*` for additionalProperties. */
function child(p: Place, name: string): Place {
  const path = p.path ? `${p.path}${name === "[]" ? "" : "."}${name}` : name;
  return { dir: p.dir, scope: p.scope === "parameter" || p.scope === "header" ? p.scope : "property", root: p.root, path };
}

/** How messages name a place: "query parameter `page_size`", "response property `address.city` (in response 200 body)". */
export function subjectOf(p: Place): string {
  if (!p.path) return p.root;
  return p.scope === "parameter" || p.scope === "header" ? `${p.root} → \`${p.path}\`` : `${p.dir} property \`${p.path}\` (${p.root})`;
}

/** Compares base schema `b` (at `bAt`) with head schema `h` (at `hAt`) in role `place`. */
export function compareSchema(ctx: DiffContext, b: At, h: At, place: Place, depth = 0): void {
  const rb = ctx.base.resolve(b.node, b.at);
  const rh = ctx.head.resolve(h.node, h.at);
  if (rb.problem || rh.problem) return;
  if (rb.external || rh.external) {
    if (rb.external !== rh.external) ctx.emit(`${prefix(place)}-type-changed`, rb.at, rh.at, `${subjectOf(place)}: external schema changed from ${show(rb.external ?? "inline")} to ${show(rh.external ?? "inline")}`);
    return;
  }
  if ((rb.ref || rh.ref) && !ctx.enter(`${place.dir}|${rb.at}|${rh.at}`)) return;
  if (depth > 64) return;
  compareDocs(ctx, rb.node, rb.at, rh.node, rh.at, subjectOf(place));
  const vb = viewAll(ctx.base, b);
  const vh = viewAll(ctx.head, h);
  if (!compareTypes(ctx, vb, vh, place)) return;
  compareNullable(ctx, vb, vh, place);
  compareEnum(ctx, vb, vh, place);
  compareLimits(ctx, vb, vh, place);
  comparePattern(ctx, vb, vh, place);
  compareProperties(ctx, vb, vh, place, depth);
  if (vb.items && vh.items) compareSchema(ctx, vb.items, vh.items, child(place, "[]"), depth + 1);
  if (vb.additional && vh.additional) compareSchema(ctx, vb.additional, vh.additional, child(place, "*"), depth + 1);
  compareBranches(ctx, vb, vh, place, "oneOf", depth);
  compareBranches(ctx, vb, vh, place, "anyOf", depth);
}

const DOC_KEYS = [
  ["description", "api-description-changed"],
  ["summary", "api-description-changed"],
  ["title", "api-description-changed"],
  ["example", "api-example-changed"],
  ["examples", "api-example-changed"],
  ["externalDocs", "api-description-changed"],
] as const;

/** Description, summary, title and example changes on one pair of nodes (INFO, patch), once per pair. */
export function compareDocs(ctx: DiffContext, b: any, bAt: string, h: any, hAt: string, subject: string): void {
  if (!b || !h || typeof b !== "object" || typeof h !== "object" || !ctx.firstVisit(`${bAt}|${hAt}`)) return;
  for (const [key, id] of DOC_KEYS) {
    if (b[key] === h[key] || same(b[key], h[key])) continue;
    const what = b[key] === undefined ? "added" : h[key] === undefined ? "removed" : "changed";
    ctx.emitOnce(id, `${bAt}/${key}`, `${hAt}/${key}`, `${subject}: ${key} ${what}`);
  }
}

const typeText = (v: SchemaView) => `${v.types ? v.types.join("|") || "null" : "any"}${v.format ? ` (${v.format})` : ""}`;

/** Returns false when the types no longer overlap, so comparing deeper would only add noise. */
function compareTypes(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): boolean {
  const sameTypes = (b.types ?? []).join() === (h.types ?? []).join() && !!b.types === !!h.types;
  if (sameTypes && b.format === h.format) return true;
  const covers = (wide: string[] | null, narrow: string[] | null) =>
    !wide || (!!narrow && narrow.every((t) => wide.includes(t) || (t === "integer" && wide.includes("number"))));
  const msg = `${subjectOf(place)}: type changed from ${typeText(b)} to ${typeText(h)}`;
  if (place.dir === "request" && covers(h.types, b.types) && (h.format === undefined || h.format === b.format)) {
    ctx.emit(`${prefix(place)}-type-generalized`, b.at, h.at, msg.replace("changed", "widened"));
  } else if (place.dir === "response" && covers(b.types, h.types) && (b.format === undefined || h.format === b.format) && b.types) {
    // a narrower response type (e.g. number → integer) still satisfies what callers handle
    return true;
  } else {
    ctx.emit(`${prefix(place)}-type-changed`, b.at, h.at, msg);
  }
  return !b.types || !h.types || b.types.some((t) => h.types!.includes(t) || (t === "integer" && h.types!.includes("number")) || (t === "number" && h.types!.includes("integer")));
}

function compareNullable(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  if (b.nullable === h.nullable) return;
  ctx.emit(`${prefix(place)}-became-${h.nullable ? "nullable" : "not-nullable"}`, b.at, h.at, `${subjectOf(place)} became ${h.nullable ? "nullable" : "not nullable"}`);
}

function compareEnum(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const p = prefix(place);
  if (!h.enum) return; // dropping an enum only widens: no change a caller can notice in the request; responses handled below
  if (!b.enum) {
    if (place.dir === "request") ctx.emit(`${p}-became-enum`, b.at, h.enum.at, `${subjectOf(place)} was restricted to ${h.enum.values.map(show).join(", ")}`);
    return;
  }
  const has = (list: unknown[], v: unknown) => list.some((x) => JSON.stringify(x) === JSON.stringify(v));
  for (const v of b.enum.values) if (!has(h.enum.values, v)) ctx.emit(`${p}-enum-value-removed`, b.enum.at, h.enum.at, `${subjectOf(place)}: enum value ${show(v)} removed`);
  for (const v of h.enum.values) if (!has(b.enum.values, v)) ctx.emit(`${p}-enum-value-added`, b.enum.at, h.enum.at, `${subjectOf(place)}: enum value ${show(v)} added`);
}

const LIMIT_WORDS: Record<LimitName, string> = { max: "maximum", min: "minimum", "max-length": "maxLength", "min-length": "minLength", "max-items": "maxItems", "min-items": "minItems" };
const boundText = (x: Bound) => `${x.value}${x.exclusive ? " (exclusive)" : ""}`;

function compareLimits(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  for (const name of Object.keys(LIMIT_WORDS) as LimitName[]) {
    const lb = b.limits[name];
    const lh = h.limits[name];
    if (!lb && !lh) continue;
    const word = LIMIT_WORDS[name];
    const id = `${prefix(place)}-${name}`;
    if (!lb) ctx.emit(`${id}-set`, b.at, lh!.at, `${subjectOf(place)}: ${word} set to ${boundText(lh!)}`);
    else if (!lh) ctx.emit(`${id}-unset`, lb.at, h.at, `${subjectOf(place)}: ${word} ${boundText(lb)} removed`);
    else if (lb.value !== lh.value || lb.exclusive !== lh.exclusive) {
      const isMax = name.startsWith("max");
      const lower = lh.value < lb.value || (lh.value === lb.value && lh.exclusive);
      // a bound moves: decreased/increased by value, exclusivity alone counts as the tighter direction
      const dir = lower === isMax ? (isMax ? "decreased" : "increased") : isMax ? "increased" : "decreased";
      ctx.emit(`${id}-${dir}`, lb.at, lh.at, `${subjectOf(place)}: ${word} ${dir} from ${boundText(lb)} to ${boundText(lh)}`);
    }
  }
}

function comparePattern(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const p = prefix(place);
  if (!b.pattern && h.pattern) ctx.emit(`${p}-pattern-added`, b.at, h.pattern.at, `${subjectOf(place)}: pattern ${show(h.pattern.value)} added`);
  else if (b.pattern && !h.pattern) ctx.emit(`${p}-pattern-removed`, b.pattern.at, h.at, `${subjectOf(place)}: pattern ${show(b.pattern.value)} removed`);
  else if (b.pattern && h.pattern && b.pattern.value !== h.pattern.value) ctx.emit(`${p}-pattern-changed`, b.pattern.at, h.pattern.at, `${subjectOf(place)}: pattern changed from ${show(b.pattern.value)} to ${show(h.pattern.value)}`);
}

function compareProperties(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place, depth: number): void {
  const names = new Set([...b.properties.keys(), ...h.properties.keys()]);
  const req = place.dir === "request";
  for (const name of names) {
    const pb = b.properties.get(name);
    const ph = h.properties.get(name);
    const sub = child(place, name);
    // readOnly fields are not sent and writeOnly fields never come back
    const hidden = (side: RefResolver, a: At | undefined) => !!a && !!side.resolve(a.node, a.at).node?.[req ? "readOnly" : "writeOnly"];
    if (hidden(ctx.base, pb) && (!ph || hidden(ctx.head, ph))) continue;
    if (!pb && hidden(ctx.head, ph)) continue;
    if (pb && !ph) ctx.emit(req ? "request-property-removed" : "response-property-removed", pb.at, null, `${subjectOf(sub)} removed`);
    else if (!pb && ph) {
      if (!req) ctx.emit("response-property-added", null, ph.at, `${subjectOf(sub)} added`);
      else if (h.required.has(name)) ctx.emit("new-required-request-property", null, ph.at, `${subjectOf(sub)} added as required`);
      else ctx.emit("new-optional-request-property", null, ph.at, `${subjectOf(sub)} added (optional)`);
    } else if (pb && ph) {
      const rb = b.required.has(name);
      const rh = h.required.has(name);
      if (rb !== rh) ctx.emit(`${req ? "request" : "response"}-property-became-${rh ? "required" : "optional"}`, pb.at, ph.at, `${subjectOf(sub)} became ${rh ? "required" : "optional"}`);
      compareSchema(ctx, pb, ph, sub, depth + 1);
    }
  }
}

/** Pairs oneOf/anyOf branches by `$ref`, then by title, then by position; unpaired ones are added/removed. */
function compareBranches(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place, key: "oneOf" | "anyOf", depth: number): void {
  const bb = b[key] ?? [];
  const hb = h[key] ?? [];
  if (!bb.length && !hb.length) return;
  const id = `${place.dir}-${place.scope === "body" ? "body" : "property"}-${key === "oneOf" ? "one-of" : "any-of"}`;
  const keyOf = (side: RefResolver, a: At) => {
    const n = a.node as any;
    return typeof n?.$ref === "string" ? `ref:${n.$ref}` : side.resolve(a.node, a.at).node?.title ? `title:${side.resolve(a.node, a.at).node!.title}` : undefined;
  };
  const restB = [...bb];
  const restH = [...hb];
  const pairs: [At, At][] = [];
  for (const x of [...restB]) {
    const k = keyOf(ctx.base, x);
    const i = k ? restH.findIndex((y) => keyOf(ctx.head, y) === k) : -1;
    if (i >= 0) {
      pairs.push([x, restH[i]!]);
      restB.splice(restB.indexOf(x), 1);
      restH.splice(i, 1);
    }
  }
  while (restB.length && restH.length) pairs.push([restB.shift()!, restH.shift()!]);
  for (const x of restB) ctx.emit(`${id}-removed`, x.at, h.at, `${subjectOf(place)}: ${key} branch ${show(keyOf(ctx.base, x) ?? x.at)} removed`);
  for (const y of restH) ctx.emit(`${id}-added`, b.at, y.at, `${subjectOf(place)}: ${key} branch ${show(keyOf(ctx.head, y) ?? y.at)} added`);
  for (const [x, y] of pairs) compareSchema(ctx, x, y, place, depth + 1);
}
