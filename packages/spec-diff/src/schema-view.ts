// A flattened, version-neutral view of one schema: `allOf` merged, 3.0 `nullable` and 3.1
// `type: [x, "null"]` (or a `{type: "null"}` branch of a oneOf/anyOf) reduced to one `nullable`
// flag, 3.0 boolean and 3.1 numeric exclusive bounds folded into one bound. The comparators only
// ever look at views.
import { ptr, type RefResolver } from "./resolve.js";

type Obj = Record<string, any>;

export interface At {
  node: unknown;
  at: string;
  /** Further definitions of the same property from other allOf parts; all of them apply. */
  also?: At[];
}
export interface Bound {
  value: number;
  exclusive: boolean;
  at: string;
}
export type LimitName = "max" | "min" | "max-length" | "min-length" | "max-items" | "min-items" | "max-contains" | "min-contains";
/** Keywords holding one subschema (or `false`), compared by presence and then recursively. */
export const SUB_KEYWORDS = ["contains", "propertyNames", "if", "then", "else", "contentSchema", "unevaluatedProperties", "unevaluatedItems"] as const;
export type SubKeyword = (typeof SUB_KEYWORDS)[number];
/** Keywords holding a map of subschemas, compared key by key. */
export const MAP_KEYWORDS = ["patternProperties", "dependentSchemas"] as const;
export type MapKeyword = (typeof MAP_KEYWORDS)[number];

export interface Value {
  value: unknown;
  at: string;
}

export interface SchemaView {
  at: string;
  /** Allowed JSON types without "null", sorted; null means any type. */
  types: string[] | null;
  nullable: boolean;
  format?: string;
  enum?: { values: unknown[]; at: string };
  const?: Value;
  default?: Value;
  extensibleEnum?: { values: unknown[]; at: string };
  limits: Partial<Record<LimitName, Bound>>;
  pattern?: { value: string; at: string };
  properties: Map<string, At>;
  required: Set<string>;
  items?: At;
  prefixItems?: At[];
  additional?: At;
  sub: Partial<Record<SubKeyword, At>>;
  maps: Partial<Record<MapKeyword, Map<string, At>>>;
  dependentRequired?: { value: Record<string, string[]>; at: string };
  contentEncoding?: Value;
  contentMediaType?: Value;
  discriminator?: { propertyName?: string; mapping: Record<string, string>; at: string };
  oneOf?: At[];
  anyOf?: At[];
  /** The `$ref`s listed in allOf, or as the single branch of a flattened oneOf/anyOf (merged into this view either way). */
  allOfRefs: Map<string, string>;
  /** Set when a oneOf/anyOf with a single non-null branch was merged into this view. */
  flattened?: "oneOf" | "anyOf";
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
}

export interface ViewOptions {
  /** Merge a oneOf/anyOf with a single non-null branch into the view (`oneOf: [X, null]` is a nullable X). @default true */
  flatten?: boolean;
}

const isNullSchema = (s: Obj | undefined) => !!s && (s.type === "null" || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null"));

function bound(s: Obj, at: string, key: "maximum" | "minimum"): Bound | undefined {
  const exKey = key === "maximum" ? "exclusiveMaximum" : "exclusiveMinimum";
  const ex = s[exKey];
  const candidates: Bound[] = [];
  if (typeof s[key] === "number") candidates.push({ value: s[key], exclusive: ex === true, at: ptr(at, key) });
  if (typeof ex === "number") candidates.push({ value: ex, exclusive: true, at: ptr(at, exKey) });
  if (!candidates.length) return undefined;
  // with both given, the tighter one applies; at equal values the exclusive one is tighter
  return candidates.sort((a, b) => (key === "maximum" ? a.value - b.value : b.value - a.value) || Number(b.exclusive) - Number(a.exclusive))[0];
}

function count(s: Obj, at: string, key: string): Bound | undefined {
  return typeof s[key] === "number" ? { value: s[key], exclusive: false, at: ptr(at, key) } : undefined;
}

/** The view of a property defined in several allOf parts: every definition merged. */
export function viewAll(r: RefResolver, a: At, opts: ViewOptions = {}): SchemaView {
  const v = view(r, a.node, a.at, opts);
  if (!a.also?.length) return v;
  // views are cached and shared: merge into a copy
  const merged: SchemaView = { ...v, limits: { ...v.limits }, properties: new Map(v.properties), required: new Set(v.required), sub: { ...v.sub }, maps: { ...v.maps }, allOfRefs: new Map(v.allOfRefs) };
  for (const extra of a.also) mergeInto(merged, view(r, extra.node, extra.at, opts));
  return merged;
}

/** Views by resolver, keyed by where the node sits: a schema shared by many operations is viewed once. */
const CACHE = new WeakMap<RefResolver, Map<string, SchemaView>>();

const LIMIT_KEYS: [LimitName, string][] = [
  ["max-length", "maxLength"],
  ["min-length", "minLength"],
  ["max-items", "maxItems"],
  ["min-items", "minItems"],
  ["max-contains", "maxContains"],
  ["min-contains", "minContains"],
];

/** Builds the view of `node` (at pointer `at`) in the document `r` resolves against. */
export function view(r: RefResolver, node: unknown, at: string, opts: ViewOptions = {}, depth = 0): SchemaView {
  let cache = CACHE.get(r);
  if (!cache) {
    cache = new Map();
    CACHE.set(r, cache);
  }
  const key = `${opts.flatten === false ? "n" : "f"}${at}`;
  let v = cache.get(key);
  if (!v) {
    v = build(r, node, at, opts, depth);
    cache.set(key, v);
  }
  return v;
}

function build(r: RefResolver, node: unknown, at: string, opts: ViewOptions, depth: number): SchemaView {
  const res = r.resolve(node, at);
  const s: Obj = res.node && typeof res.node === "object" ? res.node : {};
  const here = res.at;
  const v: SchemaView = {
    at: here,
    types: null,
    nullable: s.nullable === true,
    limits: {},
    properties: new Map(),
    required: new Set(),
    sub: {},
    maps: {},
    allOfRefs: new Map(),
    readOnly: s.readOnly === true,
    writeOnly: s.writeOnly === true,
    deprecated: s.deprecated === true,
  };

  if (typeof s.type === "string") v.types = s.type === "null" ? [] : [s.type];
  else if (Array.isArray(s.type)) v.types = s.type.filter((t: string) => t !== "null").sort();
  if (s.type === "null" || (Array.isArray(s.type) && s.type.includes("null"))) v.nullable = true;
  if (typeof s.format === "string") v.format = s.format;

  if (Array.isArray(s.enum)) {
    if (s.enum.includes(null)) v.nullable = true;
    v.enum = { values: s.enum.filter((x: unknown) => x !== null), at: ptr(here, "enum") };
  }
  // a const is a literal type in the generated SDK, so it is compared on its own, not as a one-value enum
  if ("const" in s) v.const = { value: s.const, at: ptr(here, "const") };
  if ("default" in s) v.default = { value: s.default, at: ptr(here, "default") };
  if (Array.isArray(s["x-extensible-enum"])) v.extensibleEnum = { values: s["x-extensible-enum"], at: ptr(here, "x-extensible-enum") };

  const max = bound(s, here, "maximum");
  const min = bound(s, here, "minimum");
  if (max) v.limits.max = max;
  if (min) v.limits.min = min;
  for (const [name, key] of LIMIT_KEYS) {
    const b = count(s, here, key);
    if (b) v.limits[name] = b;
  }
  // an empty pattern matches everything: it is no constraint at all
  if (typeof s.pattern === "string" && s.pattern !== "") v.pattern = { value: s.pattern, at: ptr(here, "pattern") };

  for (const [k, p] of Object.entries(s.properties ?? {})) v.properties.set(k, { node: p, at: ptr(here, "properties", k) });
  for (const k of Array.isArray(s.required) ? s.required : []) v.required.add(k);
  if (s.items && typeof s.items === "object" && !Array.isArray(s.items)) v.items = { node: s.items, at: ptr(here, "items") };
  if (Array.isArray(s.prefixItems)) v.prefixItems = s.prefixItems.map((p: unknown, i: number) => ({ node: p, at: ptr(here, "prefixItems", i) }));
  if (s.additionalProperties !== undefined && s.additionalProperties !== true) v.additional = { node: s.additionalProperties, at: ptr(here, "additionalProperties") };
  for (const k of SUB_KEYWORDS) if (s[k] !== undefined && s[k] !== true) v.sub[k] = { node: s[k], at: ptr(here, k) };
  for (const k of MAP_KEYWORDS) {
    if (!s[k] || typeof s[k] !== "object") continue;
    v.maps[k] = new Map(Object.entries(s[k]).map(([key, sub]) => [key, { node: sub, at: ptr(here, k, key) }]));
  }
  if (s.dependentRequired && typeof s.dependentRequired === "object") v.dependentRequired = { value: s.dependentRequired, at: ptr(here, "dependentRequired") };
  if (typeof s.contentEncoding === "string") v.contentEncoding = { value: s.contentEncoding, at: ptr(here, "contentEncoding") };
  if (typeof s.contentMediaType === "string") v.contentMediaType = { value: s.contentMediaType, at: ptr(here, "contentMediaType") };
  if (s.discriminator && typeof s.discriminator === "object") v.discriminator = { propertyName: s.discriminator.propertyName, mapping: s.discriminator.mapping ?? {}, at: ptr(here, "discriminator") };

  for (const key of ["oneOf", "anyOf"] as const) {
    if (!Array.isArray(s[key])) continue;
    const branches: At[] = s[key].map((b: unknown, i: number) => ({ node: b, at: ptr(here, key, i) }));
    const nonNull = branches.filter((b) => !isNullSchema(r.resolve(b.node, b.at).node));
    if (nonNull.length < branches.length) v.nullable = true;
    // `oneOf: [X, {type: null}]` is 3.1's spelling of a nullable X, and `oneOf: [X]` is X: view it as X
    if (nonNull.length === 1 && opts.flatten !== false && depth < 64) {
      const inner = view(r, nonNull[0]!.node, nonNull[0]!.at, opts, depth + 1);
      const nullable = v.nullable || inner.nullable;
      mergeInto(v, inner);
      v.types ??= inner.types;
      v.nullable = nullable;
      v.flattened = key;
      // `oneOf: [$ref X]` wraps X exactly as `allOf: [$ref X]` does
      const ref = (nonNull[0]!.node as any)?.$ref;
      if (typeof ref === "string") v.allOfRefs.set(ref, nonNull[0]!.at);
    } else v[key] = nonNull;
  }

  if (Array.isArray(s.allOf) && depth < 64) {
    s.allOf.forEach((p: any, i: number) => {
      if (typeof p?.$ref === "string") v.allOfRefs.set(p.$ref, ptr(here, "allOf", i));
    });
    const parts = s.allOf.map((p: unknown, i: number) => view(r, p, ptr(here, "allOf", i), opts, depth + 1));
    for (const part of parts) mergeInto(v, part);
    if (parts.length && parts.every((p: SchemaView) => p.nullable)) v.nullable = true;
  }
  if (!v.types) {
    if (v.properties.size || v.additional) v.types = ["object"];
    else if (v.items || v.prefixItems) v.types = ["array"];
  }
  return v;
}

/** allOf: the part adds what the schema does not already say. */
export function mergeInto(v: SchemaView, part: SchemaView): void {
  if (part.types) {
    const both = v.types?.filter((t) => part.types!.includes(t));
    v.types = both?.length ? both : part.types;
  }
  v.format ??= part.format;
  v.enum ??= part.enum;
  v.const ??= part.const;
  v.default ??= part.default;
  v.extensibleEnum ??= part.extensibleEnum;
  v.pattern ??= part.pattern;
  for (const [k, b] of Object.entries(part.limits) as [LimitName, Bound][]) v.limits[k] ??= b;
  for (const [k, p] of part.properties) {
    const mine = v.properties.get(k);
    if (!mine) v.properties.set(k, p);
    else v.properties.set(k, { ...mine, also: [...(mine.also ?? []), p, ...(p.also ?? [])] });
  }
  for (const k of part.required) v.required.add(k);
  v.items ??= part.items;
  v.prefixItems ??= part.prefixItems;
  v.additional ??= part.additional;
  for (const k of SUB_KEYWORDS) v.sub[k] ??= part.sub[k];
  for (const k of MAP_KEYWORDS) v.maps[k] ??= part.maps[k];
  v.dependentRequired ??= part.dependentRequired;
  v.contentEncoding ??= part.contentEncoding;
  v.contentMediaType ??= part.contentMediaType;
  v.discriminator ??= part.discriminator;
  v.oneOf ??= part.oneOf;
  v.anyOf ??= part.anyOf;
  v.flattened ??= part.flattened;
  v.readOnly ||= part.readOnly;
  v.writeOnly ||= part.writeOnly;
  v.deprecated ||= part.deprecated;
}
