// A flattened, version-neutral view of one schema: `allOf` merged, 3.0 `nullable` and 3.1
// `type: [x, "null"]` (or a `oneOf` with a `{type: "null"}` branch) reduced to one `nullable` flag,
// exclusive bounds folded into the limits. The comparators only ever look at views.
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
export type LimitName = "max" | "min" | "max-length" | "min-length" | "max-items" | "min-items";

export interface SchemaView {
  at: string;
  /** Allowed JSON types without "null", sorted; null means any type. */
  types: string[] | null;
  nullable: boolean;
  format?: string;
  enum?: { values: unknown[]; at: string };
  limits: Partial<Record<LimitName, Bound>>;
  pattern?: { value: string; at: string };
  properties: Map<string, At>;
  required: Set<string>;
  items?: At;
  additional?: At;
  oneOf?: At[];
  anyOf?: At[];
  readOnly: boolean;
  writeOnly: boolean;
}

const isNullSchema = (s: Obj | undefined) => !!s && (s.type === "null" || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === "null"));

function bound(s: Obj, at: string, key: "maximum" | "minimum"): Bound | undefined {
  const exKey = key === "maximum" ? "exclusiveMaximum" : "exclusiveMinimum";
  const ex = s[exKey];
  const candidates: Bound[] = [];
  if (typeof s[key] === "number") candidates.push({ value: s[key], exclusive: ex === true, at: ptr(at, key) });
  if (typeof ex === "number") candidates.push({ value: ex, exclusive: true, at: ptr(at, exKey) });
  if (!candidates.length) return undefined;
  // with both given, the tighter one applies
  return candidates.sort((a, b) => (key === "maximum" ? a.value - b.value : b.value - a.value))[0];
}

function count(s: Obj, at: string, key: string): Bound | undefined {
  return typeof s[key] === "number" ? { value: s[key], exclusive: false, at: ptr(at, key) } : undefined;
}

/** The view of a property defined in several allOf parts: every definition merged. */
export function viewAll(r: RefResolver, a: At): SchemaView {
  const v = view(r, a.node, a.at);
  for (const extra of a.also ?? []) mergeInto(v, view(r, extra.node, extra.at));
  return v;
}

/** Builds the view of `node` (at pointer `at`) in the document `r` resolves against. */
export function view(r: RefResolver, node: unknown, at: string, depth = 0): SchemaView {
  const res = r.resolve(node, at);
  const s: Obj = res.node && typeof res.node === "object" ? res.node : {};
  const here = res.at;
  const v: SchemaView = { at: here, types: null, nullable: s.nullable === true, limits: {}, properties: new Map(), required: new Set(), readOnly: s.readOnly === true, writeOnly: s.writeOnly === true };

  if (typeof s.type === "string") v.types = s.type === "null" ? [] : [s.type];
  else if (Array.isArray(s.type)) v.types = s.type.filter((t: string) => t !== "null").sort();
  if (s.type === "null" || (Array.isArray(s.type) && s.type.includes("null"))) v.nullable = true;
  if (typeof s.format === "string") v.format = s.format;

  const enumValues = Array.isArray(s.enum) ? s.enum : "const" in s ? [s.const] : undefined;
  if (enumValues) {
    if (enumValues.includes(null)) v.nullable = true;
    v.enum = { values: enumValues.filter((x: unknown) => x !== null), at: ptr(here, Array.isArray(s.enum) ? "enum" : "const") };
  }
  const limits: [LimitName, Bound | undefined][] = [
    ["max", bound(s, here, "maximum")],
    ["min", bound(s, here, "minimum")],
    ["max-length", count(s, here, "maxLength")],
    ["min-length", count(s, here, "minLength")],
    ["max-items", count(s, here, "maxItems")],
    ["min-items", count(s, here, "minItems")],
  ];
  for (const [name, b] of limits) if (b) v.limits[name] = b;
  if (typeof s.pattern === "string") v.pattern = { value: s.pattern, at: ptr(here, "pattern") };

  for (const [k, p] of Object.entries(s.properties ?? {})) v.properties.set(k, { node: p, at: ptr(here, "properties", k) });
  for (const k of Array.isArray(s.required) ? s.required : []) v.required.add(k);
  if (s.items && typeof s.items === "object") v.items = { node: s.items, at: ptr(here, "items") };
  if (s.additionalProperties && typeof s.additionalProperties === "object") v.additional = { node: s.additionalProperties, at: ptr(here, "additionalProperties") };

  for (const key of ["oneOf", "anyOf"] as const) {
    if (!Array.isArray(s[key])) continue;
    const branches: At[] = s[key].map((b: unknown, i: number) => ({ node: b, at: ptr(here, key, i) }));
    const nonNull = branches.filter((b) => !isNullSchema(r.resolve(b.node, b.at).node));
    if (nonNull.length < branches.length) v.nullable = true;
    // `oneOf: [X, {type: null}]` is 3.1's spelling of a nullable X: view it as X
    if (nonNull.length === 1 && depth < 64) {
      const inner = view(r, nonNull[0]!.node, nonNull[0]!.at, depth + 1);
      mergeInto(v, inner);
      v.types ??= inner.types;
      v.nullable = true;
    } else v[key] = nonNull;
  }

  if (Array.isArray(s.allOf) && depth < 64) {
    const parts = s.allOf.map((p: unknown, i: number) => view(r, p, ptr(here, "allOf", i), depth + 1));
    for (const part of parts) mergeInto(v, part);
    if (parts.length && parts.every((p: SchemaView) => p.nullable)) v.nullable = true;
  }
  if (!v.types) {
    if (v.properties.size || v.additional) v.types = ["object"];
    else if (v.items) v.types = ["array"];
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
  v.pattern ??= part.pattern;
  for (const [k, b] of Object.entries(part.limits) as [LimitName, Bound][]) v.limits[k] ??= b;
  for (const [k, p] of part.properties) {
    const mine = v.properties.get(k);
    if (!mine) v.properties.set(k, p);
    else v.properties.set(k, { ...mine, also: [...(mine.also ?? []), p, ...(p.also ?? [])] });
  }
  for (const k of part.required) v.required.add(k);
  v.items ??= part.items;
  v.additional ??= part.additional;
  v.oneOf ??= part.oneOf;
  v.anyOf ??= part.anyOf;
}
