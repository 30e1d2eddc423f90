// Compares two schemas in the role they play (request parameter, request body or property,
// response body, property or header), recursing through properties, items, additionalProperties,
// the 2020-12 applicators and oneOf/anyOf (allOf is merged by the view). Each pair of definitions
// is compared once per diff (context.ts memoises it); `$ref` cycles end at the first pair seen twice.
import { same, show, valueKey, type DiffContext } from "./context.js";
import { compareKeywords } from "./schema-keywords.js";
import { compareProperties } from "./schema-properties.js";
import { compareBranches, compareUnionShape } from "./schema-unions.js";
import { viewAll, type At, type Bound, type LimitName, type SchemaView } from "./schema-view.js";

export interface Place {
  dir: "request" | "response";
  /** "header": a response header or a webhook header parameter, compared in the response role. */
  scope: "parameter" | "body" | "property" | "header";
  /** How messages name the top: "query parameter `page_size`", "request body (application/json)", "response 200 body". */
  root: string;
  /** Dotted property path below the parameter or body ("" at the top). */
  path: string;
}

export const prefix = (p: Place) => `${p.dir}-${p.scope}`;

/** oasdiff names these changes inside an object-valued parameter `request-parameter-property-…`. */
const PARAM_PROPERTY = new Set(["type-changed", "type-generalized", "type-specialized", "became-nullable", "became-not-nullable", "enum-value-added", "enum-value-removed", "list-of-types-narrowed", "list-of-types-widened"]);
// a property of an object parameter (not the items of an array parameter, `[]`)
const inParamProperty = (p: Place) => p.scope === "parameter" && p.path !== "" && !p.path.startsWith("[");

/** The rule id of `suffix` at `place`. */
export function idAt(place: Place, suffix: string): string {
  return inParamProperty(place) && PARAM_PROPERTY.has(suffix) ? `request-parameter-property-${suffix}` : `${prefix(place)}-${suffix}`;
}

/** The place one level down: a property, `[]` for items, `*` for additionalProperties, `<if>` for a keyword. */
export function child(p: Place, name: string): Place {
  const path = p.path ? `${p.path}${name === "[]" ? "" : "."}${name}` : name;
  return { dir: p.dir, scope: p.scope === "parameter" || p.scope === "header" ? p.scope : "property", root: p.root, path };
}

/** How messages name a place: "query parameter `page_size`", "response property `address.city` (in response 200 body)". */
export function subjectOf(p: Place): string {
  if (!p.path) return p.root;
  return p.scope === "parameter" || p.scope === "header" ? `${p.root} → \`${p.path}\`` : `${p.dir} property \`${p.path}\` (${p.root})`;
}

const MAX_DEPTH = 64;

/** Compares base schema `b` with head schema `h` in role `place`. */
export function compareSchema(ctx: DiffContext, b: At, h: At, place: Place, depth = 0): void {
  const rb = ctx.base.resolve(b.node, b.at);
  const rh = ctx.head.resolve(h.node, h.at);
  if (rb.problem || rh.problem || depth > MAX_DEPTH) return;
  if (ctx.unchanged.check(b.node, b.at, h.node, h.at) && !b.also?.length && !h.also?.length) return;
  if (rb.external || rh.external) {
    if (rb.external !== rh.external) ctx.emit(`${prefix(place)}-type-changed`, rb.at, rh.at, `${subjectOf(place)}: external schema changed from ${show(rb.external ?? "inline")} to ${show(rh.external ?? "inline")}`);
    return;
  }
  // the role decides the rule ids, so a pair is compared once per role; the allOf co-definitions are part of the pair
  const also = (a: At) => (a.also?.length ? `+${a.also.map((x) => x.at).join("+")}` : "");
  const key = `${place.dir}|${place.scope}|${place.path ? "" : "top"}|${rb.at}${also(b)}|${rh.at}${also(h)}`;
  ctx.once(key, () => compareResolved(ctx, b, h, rb, rh, place, depth));
}

function compareResolved(ctx: DiffContext, b: At, h: At, rb: { node: any; at: string }, rh: { node: any; at: string }, place: Place, depth: number): void {
  compareDocs(ctx, rb.node, rb.at, rh.node, rh.at, subjectOf(place));
  let vb = viewAll(ctx.base, b);
  let vh = viewAll(ctx.head, h);
  // `oneOf: [X]` grew to `oneOf: [X, Y]` (or the reverse): compare branch lists, not X's content with a union
  const multi = (v: SchemaView, k: "oneOf" | "anyOf") => (v[k]?.length ?? 0) > 1;
  if ((vb.flattened && multi(vh, vb.flattened)) || (vh.flattened && multi(vb, vh.flattened))) {
    vb = viewAll(ctx.base, b, { flatten: false });
    vh = viewAll(ctx.head, h, { flatten: false });
  }
  if (compareUnionShape(ctx, b, h, vb, vh, place, depth)) return;
  if (!compareTypes(ctx, vb, vh, place)) return;
  compareNullable(ctx, vb, vh, place);
  compareConst(ctx, vb, vh, place);
  compareEnum(ctx, vb, vh, place);
  compareDefault(ctx, vb, vh, place);
  compareLimits(ctx, vb, vh, place);
  comparePattern(ctx, vb, vh, place);
  compareProperties(ctx, vb, vh, place, depth);
  if (vb.items && vh.items) compareSchema(ctx, vb.items, vh.items, child(place, "[]"), depth + 1);
  if (vb.additional && vh.additional && isSchema(vb.additional) && isSchema(vh.additional)) compareSchema(ctx, vb.additional, vh.additional, child(place, "*"), depth + 1);
  compareKeywords(ctx, vb, vh, place, depth);
  compareBranches(ctx, vb, vh, place, "oneOf", depth);
  compareBranches(ctx, vb, vh, place, "anyOf", depth);
}

const isSchema = (a: At) => !!a.node && typeof a.node === "object";

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
    ctx.emit(id, `${bAt}/${key}`, `${hAt}/${key}`, `${subject}: ${key} ${what}`);
  }
}

const typeText = (v: SchemaView) => `${v.types ? v.types.join("|") || "null" : "any"}${v.format ? ` (${v.format})` : ""}`;

/** True when every type `narrow` allows is allowed by `wide` (null = any type; integer is a number). */
const covers = (wide: string[] | null, narrow: string[] | null) => !wide || (!!narrow && narrow.every((t) => wide.includes(t) || (t === "integer" && wide.includes("number"))));

/** Returns false when the types no longer overlap, so comparing deeper would only add noise. */
function compareTypes(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): boolean {
  const sameTypes = (b.types ?? []).join() === (h.types ?? []).join() && !!b.types === !!h.types;
  if (sameTypes && b.format === h.format) return true;
  const msg = (word: string) => `${subjectOf(place)}: type ${word} from ${typeText(b)} to ${typeText(h)}`;
  const wider = covers(h.types, b.types) && (h.format === undefined || h.format === b.format);
  const narrower = covers(b.types, h.types) && (b.format === undefined || b.format === h.format);
  // a list of several types (3.1 `type: [string, integer]`) grows or shrinks as a list
  const list = ((b.types?.length ?? 0) > 1 || (h.types?.length ?? 0) > 1) && !!b.types && !!h.types && b.format === h.format;
  if (list && (wider || narrower)) ctx.emit(idAt(place, `list-of-types-${wider ? "widened" : "narrowed"}`), b.at, h.at, msg(wider ? "widened" : "narrowed"));
  else if (wider) ctx.emit(idAt(place, "type-generalized"), b.at, h.at, msg("widened"));
  else if (narrower && (place.dir === "response" || inParamProperty(place))) ctx.emit(idAt(place, "type-specialized"), b.at, h.at, msg("narrowed"));
  else ctx.emit(idAt(place, "type-changed"), b.at, h.at, msg("changed"));
  return !b.types || !h.types || b.types.some((t) => h.types!.includes(t) || (t === "integer" && h.types!.includes("number")) || (t === "number" && h.types!.includes("integer")));
}

function compareNullable(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  if (b.nullable === h.nullable) return;
  ctx.emit(idAt(place, `became-${h.nullable ? "nullable" : "not-nullable"}`), b.at, h.at, `${subjectOf(place)} became ${h.nullable ? "nullable" : "not nullable"}`);
}

function compareConst(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const p = prefix(place);
  if (!b.const && h.const) ctx.emit(`${p}-const-added`, b.at, h.const.at, `${subjectOf(place)}: const ${show(h.const.value)} added`);
  else if (b.const && !h.const) ctx.emit(`${p}-const-removed`, b.const.at, h.at, `${subjectOf(place)}: const ${show(b.const.value)} removed`);
  else if (b.const && h.const && valueKey(b.const.value) !== valueKey(h.const.value)) ctx.emit(`${p}-const-changed`, b.const.at, h.const.at, `${subjectOf(place)}: const changed from ${show(b.const.value)} to ${show(h.const.value)}`);
}

function compareEnum(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const p = prefix(place);
  if (b.extensibleEnum && place.dir === "request") {
    const keep = new Set((h.extensibleEnum?.values ?? []).map(valueKey));
    for (const v of b.extensibleEnum.values) if (!keep.has(valueKey(v))) ctx.emit(`${p}-x-extensible-enum-value-removed`, b.extensibleEnum.at, h.extensibleEnum?.at ?? h.at, `${subjectOf(place)}: x-extensible-enum value ${show(v)} removed`);
  }
  if (!h.enum) return; // dropping an enum only widens what a request may send
  if (!b.enum) {
    if (place.dir === "request") ctx.emit(`${p}-became-enum`, b.at, h.enum.at, `${subjectOf(place)} was restricted to ${h.enum.values.map(show).join(", ")}`);
    return;
  }
  const inB = new Set(b.enum.values.map(valueKey));
  const inH = new Set(h.enum.values.map(valueKey));
  for (const v of b.enum.values) if (!inH.has(valueKey(v))) ctx.emit(idAt(place, "enum-value-removed"), b.enum.at, h.enum.at, `${subjectOf(place)}: enum value ${show(v)} removed`);
  for (const v of h.enum.values) if (!inB.has(valueKey(v))) ctx.emit(idAt(place, "enum-value-added"), b.enum.at, h.enum.at, `${subjectOf(place)}: enum value ${show(v)} added`);
}

function compareDefault(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const p = prefix(place);
  if (!b.default && h.default) ctx.emit(`${p}-default-value-added`, b.at, h.default.at, `${subjectOf(place)}: default ${show(h.default.value)} added`);
  else if (b.default && !h.default) ctx.emit(`${p}-default-value-removed`, b.default.at, h.at, `${subjectOf(place)}: default ${show(b.default.value)} removed`);
  else if (b.default && h.default && valueKey(b.default.value) !== valueKey(h.default.value)) ctx.emit(`${p}-default-value-changed`, b.default.at, h.default.at, `${subjectOf(place)}: default changed from ${show(b.default.value)} to ${show(h.default.value)}`);
}

const LIMIT_WORDS: Record<LimitName, string> = {
  max: "maximum",
  min: "minimum",
  "max-length": "maxLength",
  "min-length": "minLength",
  "max-items": "maxItems",
  "min-items": "minItems",
  "max-contains": "maxContains",
  "min-contains": "minContains",
};
const boundText = (x: Bound) => `${x.value}${x.exclusive ? " (exclusive)" : ""}`;

function compareLimits(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  for (const name of Object.keys(LIMIT_WORDS) as LimitName[]) {
    const lb = b.limits[name];
    const lh = h.limits[name];
    if (!lb && !lh) continue;
    const word = LIMIT_WORDS[name];
    // oasdiff names a bound exclusive on both sides `exclusive-max`; a 3.0 boolean and a 3.1 number alike
    const exclusive = (name === "max" || name === "min") && (lb ?? lh)!.exclusive && (lh ?? lb)!.exclusive;
    const id = `${prefix(place)}-${exclusive ? "exclusive-" : ""}${name}`;
    if (!lb) ctx.emit(`${id}-set`, b.at, lh!.at, `${subjectOf(place)}: ${word} set to ${boundText(lh!)}`);
    else if (!lh) ctx.emit(`${id}-unset`, lb.at, h.at, `${subjectOf(place)}: ${word} ${boundText(lb)} removed`);
    else if (lb.value !== lh.value || lb.exclusive !== lh.exclusive) {
      const isMax = name.startsWith("max");
      const lower = lh.value < lb.value || (lh.value === lb.value && (isMax ? lh.exclusive : lb.exclusive));
      // exclusivity alone moves the bound the tighter way (for a maximum) or the looser way (for a minimum)
      const dir = lower ? "decreased" : "increased";
      ctx.emit(`${id}-${dir}`, lb.at, lh.at, `${subjectOf(place)}: ${word} ${dir} from ${boundText(lb)} to ${boundText(lh)}`);
    }
  }
}

/** Patterns that accept every string: replacing a pattern by one of them removes the constraint. */
const MATCH_ALL = new Set([".*", "^.*$", "^.*", ".*$", "[\\s\\S]*", "^[\\s\\S]*$"]);

function comparePattern(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const p = prefix(place);
  const bp = b.pattern && !MATCH_ALL.has(b.pattern.value) ? b.pattern : undefined;
  const hp = h.pattern && !MATCH_ALL.has(h.pattern.value) ? h.pattern : undefined;
  if (!bp && hp) ctx.emit(`${p}-pattern-added`, b.pattern?.at ?? b.at, hp.at, `${subjectOf(place)}: pattern ${show(hp.value)} added`);
  else if (bp && !hp) {
    // `.*` written in place of the old pattern generalises it; no pattern at all removes it
    if (h.pattern) ctx.emit(`${p}-pattern-generalized`, bp.at, h.pattern.at, `${subjectOf(place)}: pattern ${show(bp.value)} generalized to ${show(h.pattern.value)}`);
    else ctx.emit(`${p}-pattern-removed`, bp.at, h.at, `${subjectOf(place)}: pattern ${show(bp.value)} removed`);
  } else if (bp && hp && bp.value !== hp.value) ctx.emit(`${p}-pattern-changed`, bp.at, hp.at, `${subjectOf(place)}: pattern changed from ${show(bp.value)} to ${show(hp.value)}`);
}

