// Schema-level corpus: one schema change each, placed everywhere a caller can meet it (see build.ts)
// and written in 3.1 and, where 3.0 can say it, in 3.0. `request`/`response` list what the diff must
// report on that side as `LEVEL suffix`, the suffix completed with the place (`request-body-`,
// `response-header-`, …); a `~` before the suffix names the place one level down (a body's items are
// `request-property-…`); a leading `=` marks a full id. `oasdiff` says why oasdiff's level differs.
import type { PlaceName } from "./build.js";

export interface SchemaCase {
  name: string;
  base: unknown;
  head: unknown;
  request: string[];
  response: string[];
  /** Where the change is placed; all six places when omitted. */
  places?: readonly PlaceName[];
  /** What a deepObject parameter's property reports (oasdiff's `request-parameter-property-…`); not run there when omitted. */
  paramProperty?: string[];
  oasdiff?: string;
}

const OBJ = ["request-body", "request-property", "response-body", "response-property"] as const;
const ARR = ["request-parameter", ...OBJ] as const;
const S = { type: "string" };
const I = { type: "integer" };
const N = { type: "number" };
const A = (extra: object = {}) => ({ type: "array", items: S, ...extra });
const O = (extra: object = {}) => ({ type: "object", properties: { a: S, b: S }, ...extra });
const ref = (x: object, name: string) => ({ title: name, ...x });
/** `{ then: x }`: the JSON Schema keyword, not a thenable. */
// biome-ignore lint/suspicious/noThenProperty: the JSON Schema keyword
const then = (x: object) => Object.fromEntries([["then", x]]);

/** A bound moving both ways, set and removed: eight cases from one keyword. */
function bound(keyword: string, id: string, type: object, low: number, high: number, tighterIsLower: boolean): SchemaCase[] {
  const at = (v: number) => ({ ...type, [keyword]: v });
  const [tight, loose] = tighterIsLower ? [low, high] : [high, low];
  const dirTight = tighterIsLower ? "decreased" : "increased";
  const dirLoose = tighterIsLower ? "increased" : "decreased";
  const places = keyword.includes("Items") || keyword.includes("Contains") ? ARR : undefined;
  return [
    { name: `${keyword} ${dirTight}`, base: at(loose), head: at(tight), request: [`ERR ${id}-${dirTight}`], response: [`INFO ${id}-${dirTight}`], places },
    { name: `${keyword} ${dirLoose}`, base: at(tight), head: at(loose), request: [`INFO ${id}-${dirLoose}`], response: [`WARN ${id}-${dirLoose}`], places, oasdiff: "ERR on a response: see rules.ts, response constraints loosened" },
    { name: `${keyword} set`, base: type, head: at(tight), request: [`ERR ${id}-set`], response: [`INFO ${id}-set`], places },
    { name: `${keyword} removed`, base: at(tight), head: type, request: [`INFO ${id}-unset`], response: [`WARN ${id}-unset`], places },
  ];
}

export const SCHEMA_CASES: SchemaCase[] = [
  // ── types ──
  { name: "type changed", base: S, head: I, request: ["ERR type-changed"], response: ["ERR type-changed"], paramProperty: ["ERR type-changed"] },
  { name: "integer widened to number", base: I, head: N, request: ["INFO type-generalized"], response: ["ERR type-generalized"], paramProperty: ["INFO type-generalized"] },
  { name: "number narrowed to integer", base: N, head: I, request: ["ERR type-changed"], response: ["INFO type-specialized"], paramProperty: ["ERR type-specialized"] },
  { name: "format added", base: S, head: { type: "string", format: "uuid" }, request: ["ERR type-changed"], response: ["INFO type-specialized"] },
  { name: "format removed", base: { type: "string", format: "uuid" }, head: S, request: ["INFO type-generalized"], response: ["ERR type-generalized"] },
  { name: "list of types widened", base: { type: ["string", "integer"] }, head: { type: ["string", "integer", "boolean"] }, request: ["INFO list-of-types-widened"], response: ["ERR list-of-types-widened"], paramProperty: ["INFO list-of-types-widened"] },
  { name: "list of types narrowed", base: { type: ["string", "integer"] }, head: S, request: ["ERR list-of-types-narrowed"], response: ["INFO list-of-types-narrowed"], paramProperty: ["ERR list-of-types-narrowed"] },
  { name: "became nullable", base: S, head: { type: ["string", "null"] }, request: ["INFO became-nullable"], response: ["ERR became-nullable"], paramProperty: ["INFO became-nullable"] },
  { name: "became not nullable", base: { type: ["string", "null"] }, head: S, request: ["ERR became-not-nullable"], response: ["INFO became-not-nullable"], paramProperty: ["ERR became-not-nullable"] },
  { name: "null spelled as a oneOf branch instead of a type list", base: { type: ["string", "null"] }, head: { oneOf: [S, { type: "null" }] }, request: [], response: [] },
  // ── values ──
  { name: "enum value added", base: { type: "string", enum: ["a", "b"] }, head: { type: "string", enum: ["a", "b", "c"] }, request: ["INFO enum-value-added"], response: ["WARN enum-value-added"], paramProperty: ["INFO enum-value-added"] },
  { name: "enum value removed", base: { type: "string", enum: ["a", "b"] }, head: { type: "string", enum: ["a"] }, request: ["ERR enum-value-removed"], response: ["INFO enum-value-removed"], paramProperty: ["ERR enum-value-removed"] },
  { name: "became enum", base: S, head: { type: "string", enum: ["a"] }, request: ["ERR became-enum"], response: [] },
  { name: "enum reordered", base: { type: "string", enum: ["a", "b"] }, head: { type: "string", enum: ["b", "a"] }, request: [], response: [] },
  { name: "object enum members compare by value, not key order", base: { type: "object", enum: [{ x: 1, y: 2 }] }, head: { type: "object", enum: [{ y: 2, x: 1 }] }, request: [], response: [], places: OBJ },
  { name: "const added", base: S, head: { type: "string", const: "a" }, request: ["ERR const-added"], response: ["INFO const-added"] },
  { name: "const changed", base: { type: "string", const: "a" }, head: { type: "string", const: "b" }, request: ["ERR const-changed"], response: ["ERR const-changed"] },
  { name: "const removed", base: { type: "string", const: "a" }, head: S, request: ["INFO const-removed"], response: ["ERR const-removed"] },
  { name: "x-extensible-enum value removed", base: { type: "string", "x-extensible-enum": ["a", "b"] }, head: { type: "string", "x-extensible-enum": ["a"] }, request: ["ERR x-extensible-enum-value-removed"], response: [] },
  { name: "default added", base: S, head: { type: "string", default: "a" }, request: ["INFO default-value-added"], response: ["INFO default-value-added"] },
  { name: "default changed", base: { type: "string", default: "a" }, head: { type: "string", default: "b" }, request: ["WARN default-value-changed"], response: ["INFO default-value-changed"], oasdiff: "ERR for parameters: callers who omit it are served differently, but nothing they wrote breaks" },
  { name: "default removed", base: { type: "string", default: "a" }, head: S, request: ["WARN default-value-removed"], response: ["INFO default-value-removed"] },
  // ── strings ──
  { name: "pattern added", base: S, head: { type: "string", pattern: "^[a-z]+$" }, request: ["ERR pattern-added"], response: ["INFO pattern-added"] },
  { name: "empty pattern replaced by a real one", base: { type: "string", pattern: "" }, head: { type: "string", pattern: "^[a-z]+$" }, request: ["ERR pattern-added"], response: ["INFO pattern-added"] },
  { name: "pattern changed", base: { type: "string", pattern: "^[a-z]+$" }, head: { type: "string", pattern: "^[a-z0-9]+$" }, request: ["WARN pattern-changed"], response: ["INFO pattern-changed"] },
  { name: "pattern removed", base: { type: "string", pattern: "^[a-z]+$" }, head: S, request: ["INFO pattern-removed"], response: ["INFO pattern-removed"] },
  { name: "pattern generalized to .*", base: { type: "string", pattern: "^[a-z]+$" }, head: { type: "string", pattern: ".*" }, request: ["INFO pattern-generalized"], response: ["INFO pattern-generalized"] },
  { name: "contentEncoding changed", base: { type: "string", contentEncoding: "base64" }, head: { type: "string", contentEncoding: "base32" }, request: ["ERR content-encoding-changed"], response: ["ERR content-encoding-changed"] },
  { name: "contentMediaType changed", base: { type: "string", contentMediaType: "image/png" }, head: { type: "string", contentMediaType: "image/jpeg" }, request: ["ERR content-media-type-changed"], response: ["ERR content-media-type-changed"] },
  { name: "contentSchema added", base: { type: "string", contentMediaType: "application/json" }, head: { type: "string", contentMediaType: "application/json", contentSchema: O() }, request: ["ERR content-schema-added"], response: ["INFO content-schema-added"] },
  { name: "contentSchema removed", base: { type: "string", contentMediaType: "application/json", contentSchema: O() }, head: { type: "string", contentMediaType: "application/json" }, request: ["INFO content-schema-removed"], response: ["WARN content-schema-removed"] },
  // ── bounds ──
  ...bound("maximum", "max", I, 10, 20, true),
  ...bound("minimum", "min", I, 1, 5, false),
  ...bound("exclusiveMaximum", "exclusive-max", I, 10, 20, true),
  ...bound("exclusiveMinimum", "exclusive-min", I, 1, 5, false),
  ...bound("maxLength", "max-length", S, 10, 20, true),
  ...bound("minLength", "min-length", S, 1, 5, false),
  ...bound("maxItems", "max-items", A(), 10, 20, true),
  ...bound("minItems", "min-items", A(), 1, 5, false),
  ...bound("maxContains", "max-contains", A({ contains: S }), 2, 4, true),
  ...bound("minContains", "min-contains", A({ contains: S }), 1, 3, false),
  { name: "3.0 exclusive flag on the same maximum", base: { type: "integer", maximum: 10 }, head: { type: "integer", exclusiveMaximum: 10 }, request: ["ERR max-decreased"], response: ["INFO max-decreased"] },
  // ── arrays ──
  { name: "items type changed", base: A(), head: { type: "array", items: I }, request: ["ERR ~type-changed"], response: ["ERR ~type-changed"], places: ARR },
  { name: "contains added", base: A(), head: A({ contains: S }), request: ["ERR contains-added"], response: ["INFO contains-added"], places: ARR },
  { name: "contains removed", base: A({ contains: S }), head: A(), request: ["INFO contains-removed"], response: ["WARN contains-removed"], places: ARR },
  { name: "prefixItems added", base: A(), head: A({ prefixItems: [S, I] }), request: ["ERR prefix-items-added"], response: ["INFO prefix-items-added"], places: ARR },
  { name: "prefixItems removed", base: A({ prefixItems: [S, I] }), head: A(), request: ["INFO prefix-items-removed"], response: ["WARN prefix-items-removed"], places: ARR },
  { name: "unevaluatedItems forbidden", base: A(), head: A({ unevaluatedItems: false }), request: ["ERR unevaluated-items-added"], response: ["INFO unevaluated-items-added"], places: ARR },
  { name: "unevaluatedItems allowed again", base: A({ unevaluatedItems: false }), head: A(), request: ["INFO unevaluated-items-removed"], response: ["WARN unevaluated-items-removed"], places: ARR },
  // ── objects ──
  { name: "propertyNames added", base: O(), head: O({ propertyNames: { pattern: "^[a-z]+$" } }), request: ["ERR property-names-added"], response: ["INFO property-names-added"], places: OBJ },
  { name: "propertyNames removed", base: O({ propertyNames: { pattern: "^[a-z]+$" } }), head: O(), request: ["INFO property-names-removed"], response: ["WARN property-names-removed"], places: OBJ },
  { name: "patternProperties added", base: O(), head: O({ patternProperties: { "^x-": S } }), request: ["ERR pattern-property-added"], response: ["INFO pattern-property-added"], places: OBJ },
  { name: "patternProperties removed", base: O({ patternProperties: { "^x-": S } }), head: O(), request: ["INFO pattern-property-removed"], response: ["WARN pattern-property-removed"], places: OBJ },
  { name: "patternProperties value type changed", base: O({ patternProperties: { "^x-": S } }), head: O({ patternProperties: { "^x-": I } }), request: ["ERR ~type-changed"], response: ["ERR ~type-changed"], places: OBJ },
  { name: "dependentRequired added", base: O(), head: O({ dependentRequired: { a: ["b"] } }), request: ["ERR dependent-required-added"], response: ["INFO dependent-required-added"], places: OBJ },
  { name: "dependentRequired removed", base: O({ dependentRequired: { a: ["b"] } }), head: O(), request: ["INFO dependent-required-removed"], response: ["WARN dependent-required-removed"], places: OBJ },
  { name: "dependentRequired changed", base: O({ dependentRequired: { a: ["b"] } }), head: O({ dependentRequired: { a: ["b", "c"] } }), request: ["ERR dependent-required-changed"], response: ["WARN dependent-required-changed"], places: OBJ },
  { name: "dependentSchemas added", base: O(), head: O({ dependentSchemas: { a: { required: ["b"] } } }), request: ["ERR dependent-schema-added"], response: ["INFO dependent-schema-added"], places: OBJ },
  { name: "dependentSchemas removed", base: O({ dependentSchemas: { a: { required: ["b"] } } }), head: O(), request: ["INFO dependent-schema-removed"], response: ["WARN dependent-schema-removed"], places: OBJ },
  { name: "unevaluatedProperties forbidden", base: O(), head: O({ unevaluatedProperties: false }), request: ["ERR unevaluated-properties-added"], response: ["INFO unevaluated-properties-added"], places: OBJ },
  { name: "unevaluatedProperties allowed again", base: O({ unevaluatedProperties: false }), head: O(), request: ["INFO unevaluated-properties-removed"], response: ["WARN unevaluated-properties-removed"], places: OBJ },
  { name: "if added", base: O(), head: O({ if: { required: ["a"] } }), request: ["ERR if-added"], response: ["INFO if-added"], places: OBJ },
  { name: "if removed", base: O({ if: { required: ["a"] } }), head: O(), request: ["INFO if-removed"], response: ["WARN if-removed"], places: OBJ },
  { name: "then added", base: O({ if: { required: ["a"] } }), head: O({ if: { required: ["a"] }, ...then({ required: ["b"] }) }), request: ["ERR then-added"], response: ["INFO then-added"], places: OBJ },
  { name: "then removed", base: O({ if: { required: ["a"] }, ...then({ required: ["b"] }) }), head: O({ if: { required: ["a"] } }), request: ["INFO then-removed"], response: ["WARN then-removed"], places: OBJ },
  { name: "else added", base: O({ if: { required: ["a"] } }), head: O({ if: { required: ["a"] }, else: { required: ["b"] } }), request: ["ERR else-added"], response: ["INFO else-added"], places: OBJ },
  { name: "else removed", base: O({ if: { required: ["a"] }, else: { required: ["b"] } }), head: O({ if: { required: ["a"] } }), request: ["INFO else-removed"], response: ["WARN else-removed"], places: OBJ },
  // ── compositions ──
  { name: "oneOf branch added", base: { oneOf: [ref(O(), "A"), ref(I, "B")] }, head: { oneOf: [ref(O(), "A"), ref(I, "B"), ref(S, "C")] }, request: ["INFO one-of-added"], response: ["WARN one-of-added"], places: OBJ },
  { name: "oneOf branch removed", base: { oneOf: [ref(O(), "A"), ref(I, "B"), ref(S, "C")] }, head: { oneOf: [ref(O(), "A"), ref(I, "B")] }, request: ["ERR one-of-removed"], response: ["INFO one-of-removed"], places: OBJ },
  { name: "single-branch oneOf widened", base: { oneOf: [ref(O(), "A")] }, head: { oneOf: [ref(O(), "A"), ref(I, "B"), ref(S, "C"), ref(A(), "D")] }, request: ["INFO one-of-added"], response: ["WARN one-of-added"], places: OBJ },
  { name: "anyOf branch added", base: { anyOf: [ref(O(), "A"), ref(I, "B")] }, head: { anyOf: [ref(O(), "A"), ref(I, "B"), ref(S, "C")] }, request: ["INFO any-of-added"], response: ["WARN any-of-added"], places: OBJ },
  { name: "anyOf branch removed", base: { anyOf: [ref(O(), "A"), ref(I, "B"), ref(S, "C")] }, head: { anyOf: [ref(O(), "A"), ref(I, "B")] }, request: ["ERR any-of-removed"], response: ["INFO any-of-removed"], places: OBJ },
  { name: "oneOf branch changed inside", base: { oneOf: [ref(O(), "A"), ref(I, "B")] }, head: { oneOf: [ref(O(), "A"), ref({ type: "integer", maximum: 5 }, "B")] }, request: ["ERR max-set"], response: ["INFO max-set"], places: ["request-body", "response-body"] },
  { name: "discriminator added", base: { oneOf: [ref(O(), "A"), ref(O(), "B")] }, head: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a" } }, request: ["INFO discriminator-added"], response: ["INFO discriminator-added"], places: OBJ },
  { name: "discriminator removed", base: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a" } }, head: { oneOf: [ref(O(), "A"), ref(O(), "B")] }, request: ["INFO discriminator-removed"], response: ["INFO discriminator-removed"], places: OBJ },
  { name: "discriminator property renamed", base: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a" } }, head: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "b" } }, request: ["ERR discriminator-property-name-changed"], response: ["ERR discriminator-property-name-changed"], places: OBJ, oasdiff: "INFO: the generated union is tagged by that property" },
  { name: "discriminator mapping added", base: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a", mapping: { x: "#/x" } } }, head: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a", mapping: { x: "#/x", y: "#/y" } } }, request: ["INFO discriminator-mapping-added"], response: ["WARN discriminator-mapping-added"], places: OBJ },
  { name: "discriminator mapping deleted", base: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a", mapping: { x: "#/x", y: "#/y" } } }, head: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a", mapping: { x: "#/x" } } }, request: ["ERR discriminator-mapping-deleted"], response: ["INFO discriminator-mapping-deleted"], places: OBJ },
  { name: "discriminator mapping changed", base: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a", mapping: { x: "#/x" } } }, head: { oneOf: [ref(O(), "A"), ref(O(), "B")], discriminator: { propertyName: "a", mapping: { x: "#/z" } } }, request: ["WARN discriminator-mapping-changed"], response: ["WARN discriminator-mapping-changed"], places: OBJ },
  { name: "allOf part added", base: { allOf: [O()] }, head: { allOf: [O(), { $ref: "#/components/schemas/Extra" }] }, request: ["INFO all-of-added", "=INFO new-optional-request-property"], response: ["INFO all-of-added", "=INFO response-optional-property-added"], places: ["request-body", "response-body"] },
  { name: "allOf part removed", base: { allOf: [O(), { $ref: "#/components/schemas/Extra" }] }, head: { allOf: [O()] }, request: ["INFO all-of-removed", "=ERR request-property-removed"], response: ["INFO all-of-removed", "=ERR response-optional-property-removed"], places: ["request-body", "response-body"] },
  // ── properties ──
  { name: "required property added", base: O(), head: O({ properties: { a: S, b: S, c: S }, required: ["c"] }), request: ["=ERR new-required-request-property"], response: ["=INFO response-required-property-added"], places: OBJ },
  { name: "required property with a default added", base: O(), head: O({ properties: { a: S, b: S, c: { type: "string", default: "x" } }, required: ["c"] }), request: ["=ERR new-required-request-property-with-default"], response: ["=INFO response-required-property-added"], places: OBJ },
  { name: "optional property added", base: O(), head: O({ properties: { a: S, b: S, c: S } }), request: ["=INFO new-optional-request-property"], response: ["=INFO response-optional-property-added"], places: OBJ },
  { name: "optional property removed", base: O(), head: O({ properties: { a: S } }), request: ["=ERR request-property-removed"], response: ["=ERR response-optional-property-removed"], places: OBJ, oasdiff: "WARN: the generated type loses the property" },
  { name: "required property removed", base: O({ required: ["b"] }), head: O({ properties: { a: S } }), request: ["=ERR request-property-removed"], response: ["=ERR response-required-property-removed"], places: OBJ },
  { name: "property became required", base: O(), head: O({ required: ["a"] }), request: ["=ERR request-property-became-required"], response: ["=INFO response-property-became-required"], places: OBJ },
  { name: "property with a default became required", base: O({ properties: { a: { type: "string", default: "x" }, b: S } }), head: O({ properties: { a: { type: "string", default: "x" }, b: S }, required: ["a"] }), request: ["=ERR request-property-became-required-with-default"], response: ["=INFO response-property-became-required"], places: OBJ },
  { name: "property became optional", base: O({ required: ["a"] }), head: O(), request: ["=INFO request-property-became-optional"], response: ["=ERR response-property-became-optional"], places: OBJ },
  { name: "property deprecated", base: O(), head: O({ properties: { a: { type: "string", deprecated: true }, b: S } }), request: ["=INFO request-property-deprecated"], response: ["=INFO response-property-deprecated"], places: OBJ },
  { name: "property reactivated", base: O({ properties: { a: { type: "string", deprecated: true }, b: S } }), head: O(), request: ["=INFO request-property-reactivated"], response: ["=INFO response-property-reactivated"], places: OBJ },
  { name: "optional property became read-only", base: O(), head: O({ properties: { a: { type: "string", readOnly: true }, b: S } }), request: ["=INFO request-optional-property-became-read-only"], response: ["=INFO response-optional-property-became-read-only"], places: OBJ },
  { name: "required property became read-only", base: O({ required: ["a"] }), head: O({ properties: { a: { type: "string", readOnly: true }, b: S }, required: ["a"] }), request: ["=INFO request-required-property-became-read-only"], response: ["=INFO response-required-property-became-read-only"], places: OBJ },
  { name: "property no longer read-only", base: O({ properties: { a: { type: "string", readOnly: true }, b: S } }), head: O(), request: ["=INFO request-optional-property-became-not-read-only"], response: ["=INFO response-optional-property-became-not-read-only"], places: OBJ },
  { name: "optional property became write-only", base: O(), head: O({ properties: { a: { type: "string", writeOnly: true }, b: S } }), request: ["=INFO request-optional-property-became-write-only"], response: ["=INFO response-optional-property-became-write-only"], places: OBJ },
  { name: "required property no longer write-only", base: O({ properties: { a: { type: "string", writeOnly: true }, b: S }, required: ["a"] }), head: O({ required: ["a"] }), request: ["=INFO request-required-property-became-not-write-only"], response: ["=WARN response-required-property-became-not-write-only"], places: OBJ },
  { name: "optional property no longer write-only", base: O({ properties: { a: { type: "string", writeOnly: true }, b: S } }), head: O(), request: ["=INFO request-optional-property-became-not-write-only"], response: ["=INFO response-optional-property-became-not-write-only"], places: OBJ },
  { name: "required property became write-only", base: O({ required: ["a"] }), head: O({ properties: { a: { type: "string", writeOnly: true }, b: S }, required: ["a"] }), request: ["=INFO request-required-property-became-write-only"], response: ["=INFO response-required-property-became-write-only"], places: OBJ },
  { name: "required property no longer read-only", base: O({ properties: { a: { type: "string", readOnly: true }, b: S }, required: ["a"] }), head: O({ required: ["a"] }), request: ["=INFO request-required-property-became-not-read-only"], response: ["=INFO response-required-property-became-not-read-only"], places: OBJ },
  { name: "required write-only property added", base: O(), head: O({ properties: { a: S, b: S, c: { type: "string", writeOnly: true } }, required: ["c"] }), request: ["=ERR new-required-request-property"], response: ["=INFO response-required-write-only-property-added"], places: OBJ },
  { name: "optional write-only property removed", base: O({ properties: { a: S, b: S, c: { type: "string", writeOnly: true } } }), head: O(), request: ["=ERR request-property-removed"], response: ["=INFO response-optional-write-only-property-removed"], places: OBJ },
  { name: "write-only property added", base: O(), head: O({ properties: { a: S, b: S, c: { type: "string", writeOnly: true } } }), request: ["=INFO new-optional-request-property"], response: ["=INFO response-optional-write-only-property-added"], places: OBJ },
  { name: "required write-only property removed", base: O({ properties: { a: S, b: S, c: { type: "string", writeOnly: true } }, required: ["c"] }), head: O(), request: ["=ERR request-property-removed"], response: ["=INFO response-required-write-only-property-removed"], places: OBJ },
  { name: "nested property type changed", base: O({ properties: { a: O(), b: S } }), head: O({ properties: { a: O({ properties: { a: I, b: S } }), b: S } }), request: ["=ERR request-property-type-changed"], response: ["=ERR response-property-type-changed"], places: OBJ },
  { name: "additionalProperties value type changed", base: { type: "object", additionalProperties: S }, head: { type: "object", additionalProperties: I }, request: ["=ERR request-property-type-changed"], response: ["=ERR response-property-type-changed"], places: OBJ },
];
