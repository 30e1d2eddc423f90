// The JSON Schema 2020-12 keywords OpenAPI 3.1 allows beyond 3.0's: subschema keywords (contains,
// propertyNames, if/then/else, contentSchema, unevaluated*), maps of subschemas (patternProperties,
// dependentSchemas), prefixItems, dependentRequired, contentEncoding/contentMediaType; plus the
// discriminator and the allOf parts by `$ref`. Each is compared by presence, then recursively.
import { show, valueKey, type DiffContext } from "./context.js";
import { child, compareSchema, prefix, subjectOf, type Place } from "./schema.js";
import { MAP_KEYWORDS, SUB_KEYWORDS, type At, type MapKeyword, type SchemaView, type SubKeyword } from "./schema-view.js";

/** Rule-id words for each keyword, as oasdiff spells them. */
export const KEYWORD_IDS: Record<SubKeyword | MapKeyword | "prefixItems", string> = {
  contains: "contains",
  propertyNames: "property-names",
  if: "if",
  // biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword's name, not a thenable
  then: "then",
  else: "else",
  contentSchema: "content-schema",
  unevaluatedProperties: "unevaluated-properties",
  unevaluatedItems: "unevaluated-items",
  patternProperties: "pattern-property",
  dependentSchemas: "dependent-schema",
  prefixItems: "prefix-items",
};

const isSchema = (a: At) => !!a.node && typeof a.node === "object";

export function compareKeywords(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place, depth: number): void {
  const p = prefix(place);
  const subject = subjectOf(place);
  for (const k of SUB_KEYWORDS) {
    const sb = b.sub[k];
    const sh = h.sub[k];
    const id = `${p}-${KEYWORD_IDS[k]}`;
    if (!sb && sh) ctx.emit(`${id}-added`, b.at, sh.at, `${subject}: ${k} added`);
    else if (sb && !sh) ctx.emit(`${id}-removed`, sb.at, h.at, `${subject}: ${k} removed`);
    else if (sb && sh && isSchema(sb) && isSchema(sh)) compareSchema(ctx, sb, sh, child(place, `<${k}>`), depth + 1);
  }
  for (const k of MAP_KEYWORDS) {
    const mb = b.maps[k] ?? new Map<string, At>();
    const mh = h.maps[k] ?? new Map<string, At>();
    const id = `${p}-${KEYWORD_IDS[k]}`;
    for (const [key, sb] of mb) {
      const sh = mh.get(key);
      if (!sh) ctx.emit(`${id}-removed`, sb.at, h.at, `${subject}: ${k} ${show(key)} removed`);
      else if (isSchema(sb) && isSchema(sh)) compareSchema(ctx, sb, sh, child(place, `<${key}>`), depth + 1);
    }
    for (const [key, sh] of mh) if (!mb.has(key)) ctx.emit(`${id}-added`, b.at, sh.at, `${subject}: ${k} ${show(key)} added`);
  }
  if (!b.prefixItems && h.prefixItems) ctx.emit(`${p}-prefix-items-added`, b.at, h.prefixItems[0]?.at ?? h.at, `${subject}: prefixItems added`);
  else if (b.prefixItems && !h.prefixItems) ctx.emit(`${p}-prefix-items-removed`, b.prefixItems[0]?.at ?? b.at, h.at, `${subject}: prefixItems removed`);
  else if (b.prefixItems && h.prefixItems) {
    const n = Math.min(b.prefixItems.length, h.prefixItems.length);
    for (let i = 0; i < n; i++) compareSchema(ctx, b.prefixItems[i]!, h.prefixItems[i]!, child(place, `[${i}]`), depth + 1);
  }
  compareDependentRequired(ctx, b, h, place);
  for (const [k, word] of [["contentEncoding", "content-encoding"], ["contentMediaType", "content-media-type"]] as const) {
    const vb = b[k]?.value;
    const vh = h[k]?.value;
    if (vb !== vh) ctx.emit(`${p}-${word}-changed`, b[k]?.at ?? b.at, h[k]?.at ?? h.at, `${subject}: ${k} changed from ${show(vb ?? "none")} to ${show(vh ?? "none")}`);
  }
  compareDiscriminator(ctx, b, h, place);
  // only a change in the number of parts counts: a part whose component was renamed is the same part
  if (h.allOfRefs.size > b.allOfRefs.size) for (const [ref, at] of h.allOfRefs) if (!b.allOfRefs.has(ref)) ctx.emit(`${p}-all-of-added`, b.at, at, `${subject}: allOf part ${show(ref)} added`);
  if (h.allOfRefs.size < b.allOfRefs.size) for (const [ref, at] of b.allOfRefs) if (!h.allOfRefs.has(ref)) ctx.emit(`${p}-all-of-removed`, at, h.at, `${subject}: allOf part ${show(ref)} removed`);
}

function compareDependentRequired(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const db = b.dependentRequired?.value ?? {};
  const dh = h.dependentRequired?.value ?? {};
  const id = `${prefix(place)}-dependent-required`;
  const at = (v: SchemaView) => v.dependentRequired?.at ?? v.at;
  for (const key of Object.keys(db)) {
    if (!(key in dh)) ctx.emit(`${id}-removed`, at(b), at(h), `${subjectOf(place)}: dependentRequired for ${show(key)} removed`);
    else if (valueKey([...(db[key] ?? [])].sort()) !== valueKey([...(dh[key] ?? [])].sort())) ctx.emit(`${id}-changed`, at(b), at(h), `${subjectOf(place)}: dependentRequired for ${show(key)} changed from ${show(db[key])} to ${show(dh[key])}`);
  }
  for (const key of Object.keys(dh)) if (!(key in db)) ctx.emit(`${id}-added`, at(b), at(h), `${subjectOf(place)}: dependentRequired for ${show(key)} added (${show(dh[key])})`);
}

function compareDiscriminator(ctx: DiffContext, b: SchemaView, h: SchemaView, place: Place): void {
  const id = `${prefix(place)}-discriminator`;
  const db = b.discriminator;
  const dh = h.discriminator;
  const subject = subjectOf(place);
  if (!db || !dh) {
    if (dh) ctx.emit(`${id}-added`, b.at, dh.at, `${subject}: discriminator ${show(dh.propertyName ?? "")} added`);
    if (db) ctx.emit(`${id}-removed`, db.at, h.at, `${subject}: discriminator ${show(db.propertyName ?? "")} removed`);
    return;
  }
  if (db.propertyName !== dh.propertyName) ctx.emit(`${id}-property-name-changed`, db.at, dh.at, `${subject}: discriminator property changed from ${show(db.propertyName ?? "")} to ${show(dh.propertyName ?? "")}`);
  for (const [value, ref] of Object.entries(db.mapping)) {
    if (!(value in dh.mapping)) ctx.emit(`${id}-mapping-deleted`, db.at, dh.at, `${subject}: discriminator value ${show(value)} removed from the mapping`);
    else if (dh.mapping[value] !== ref) ctx.emit(`${id}-mapping-changed`, db.at, dh.at, `${subject}: discriminator value ${show(value)} now maps to ${show(dh.mapping[value])} instead of ${show(ref)}`);
  }
  for (const value of Object.keys(dh.mapping)) if (!(value in db.mapping)) ctx.emit(`${id}-mapping-added`, db.at, dh.at, `${subject}: discriminator value ${show(value)} added to the mapping`);
}
