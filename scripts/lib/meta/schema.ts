// Small readers over an untyped OpenAPI document: local $refs, object properties through allOf,
// JSON bodies, parameters by location. Every meta extractor walks the spec through these.
import type { OpenApiDoc } from "../spec-doc.ts";

export type Obj = Record<string, any>;

/** Follows local `$ref`s (`#/components/...`), stopping on cycles and external refs. */
export function deref(doc: OpenApiDoc, node: unknown, seen = new Set<string>()): Obj | undefined {
  let cur = node as Obj | undefined;
  while (cur && typeof cur === "object" && typeof cur.$ref === "string") {
    const ref: string = cur.$ref;
    if (seen.has(ref) || !ref.startsWith("#/")) return undefined;
    seen.add(ref);
    cur = ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<any>((o, k) => (o == null ? undefined : o[k]), doc);
  }
  return cur && typeof cur === "object" ? cur : undefined;
}

/** Properties of an object schema, merged through allOf (own properties win). */
export function properties(doc: OpenApiDoc, schema: unknown, depth = 0): Record<string, Obj> {
  const s = deref(doc, schema);
  if (!s || depth > 20) return {};
  const own: Record<string, Obj> = {};
  for (const [k, v] of Object.entries(s.properties ?? {})) own[k] = deref(doc, v) ?? {};
  const merged: Record<string, Obj> = {};
  for (const part of s.allOf ?? []) Object.assign(merged, properties(doc, part, depth + 1));
  // a nullable wrapper, `anyOf: [Envelope, { type: "null" }]`, is the envelope
  const options = (s.anyOf ?? s.oneOf ?? []).map((o: unknown) => deref(doc, o)).filter((o: Obj | undefined) => o && o.type !== "null");
  if (!s.properties && !s.allOf && options.length === 1) Object.assign(merged, properties(doc, options[0], depth + 1));
  return Object.assign(merged, own);
}

function hasType(doc: OpenApiDoc, schema: Obj | undefined, type: string, depth = 0): boolean {
  const s = deref(doc, schema);
  if (!s || depth > 10) return false;
  const t = s.type;
  if (t === type || (Array.isArray(t) && t.includes(type))) return true;
  // `allOf: [{ $ref: List }]` and nullable `anyOf: [X, null]` wrappers
  return [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].some((part: unknown) => hasType(doc, deref(doc, part), type, depth + 1));
}

export const isArray = (doc: OpenApiDoc, schema: Obj | undefined) => hasType(doc, schema, "array");
export const isString = (doc: OpenApiDoc, schema: Obj | undefined) => hasType(doc, schema, "string");
export const isBoolean = (doc: OpenApiDoc, schema: Obj | undefined) => hasType(doc, schema, "boolean");
export const isInteger = (doc: OpenApiDoc, schema: Obj | undefined) => hasType(doc, schema, "integer") || hasType(doc, schema, "number");
/** An object schema: `type: object` or simply declared properties. */
export function isObject(doc: OpenApiDoc, schema: Obj | undefined): boolean {
  const s = deref(doc, schema);
  return !!s && (hasType(doc, s, "object") || Object.keys(properties(doc, s)).length > 0);
}

/** The schema of the first JSON-like media type of a request body or response. */
export function jsonSchema(doc: OpenApiDoc, holder: unknown): Obj | undefined {
  const content = deref(doc, holder)?.content ?? {};
  const key = Object.keys(content).find((k) => /json/i.test(k));
  return key ? deref(doc, content[key]?.schema) : undefined;
}

/** The operation's success response (200 first, then any 2xx). */
export function successResponse(doc: OpenApiDoc, op: Obj): Obj | undefined {
  const responses = op.responses ?? {};
  const code = "200" in responses ? "200" : Object.keys(responses).find((c) => /^2\d\d$/.test(c));
  return code ? deref(doc, responses[code]) : undefined;
}

/** Parameters of an operation in one location (path-item ones first, the operation's override them). */
export function paramsIn(doc: OpenApiDoc, pathItem: Obj, op: Obj, where: "query" | "header"): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const p of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = deref(doc, p);
    if (param?.in === where && typeof param.name === "string") out.set(param.name, param);
  }
  return out;
}

/** The schema at a dotted property path (`meta.last_page`); "" is the schema itself. */
export function schemaAt(doc: OpenApiDoc, schema: unknown, dotted: string): Obj | undefined {
  let cur = deref(doc, schema);
  for (const key of dotted ? dotted.split(".") : []) {
    cur = cur ? properties(doc, cur)[key] : undefined;
  }
  return cur;
}

/** Upper-snake env prefix of an API name: `sage-intacct` → `SAGE_INTACCT`. */
export function envPrefix(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .toUpperCase();
}
