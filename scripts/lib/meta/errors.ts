// Error envelopes and request-id locations: `x-apiforge-errors` wins field by field; otherwise they
// are read from the JSON schemas of the 4xx / 5xx / default responses and the headers responses declare.
import type { ErrorEnvelopeMeta, ErrorsMeta } from "../../../packages/runtime/src/api-meta.ts";
import { HTTP_METHODS, type OpenApiDoc } from "../spec-doc.ts";
import { compact, expectObject, invalid, onlyKeys, optString } from "./extension.ts";
import { deref, isArray, isInteger, isObject, isString, jsonSchema, type Obj, properties } from "./schema.ts";

const AT = "x-apiforge-errors at the root";
const ENVELOPE_FIELDS = ["root", "message", "code", "details", "errorId", "requestId"] as const;
type Field = Exclude<(typeof ENVELOPE_FIELDS)[number], "root">;

// Field names per role, most telling first; `test` keeps e.g. an `error` object from passing as a message.
const CANDIDATES: Record<Field, { names: string[]; test: (doc: OpenApiDoc, s: Obj) => boolean }> = {
  message: { names: ["message", "detail", "error_description", "title", "error", "description", "msg"], test: isString },
  code: { names: ["code", "error_code", "errorCode"], test: (doc, s) => isString(doc, s) || isInteger(doc, s) },
  details: { names: ["errors", "details", "validation_errors", "validationErrors", "fieldErrors"], test: (doc, s) => isArray(doc, s) || isObject(doc, s) },
  errorId: { names: ["errorId", "error_id"], test: isString },
  requestId: { names: ["trace_id", "traceId", "request_id", "requestId", "supportId", "support_id", "correlation_id", "correlationId"], test: isString },
};
const REQUEST_ID_HEADER = /^(x-)?(request|trace|correlation)-?id$/i;

function isErrorObject(doc: OpenApiDoc, props: Record<string, Obj>): boolean {
  return (["message", "code"] as const).some((f) => CANDIDATES[f].names.some((n) => props[n] && CANDIDATES[f].test(doc, props[n]!)));
}

/** Dotted path of the error object in a body schema: the body itself, or the first nested object that looks like one. */
export function errorRoot(doc: OpenApiDoc, schema: Obj, depth = 0): string | undefined {
  const props = properties(doc, schema);
  if (isErrorObject(doc, props)) return "";
  if (depth >= 3) return undefined;
  // `error`-like wrappers first (`error`, `ia::result` → `ia::error`)
  const keys = Object.keys(props).sort((a, b) => Number(/error|result/i.test(b)) - Number(/error|result/i.test(a)));
  for (const key of keys) {
    if (!isObject(doc, props[key]) || isArray(doc, props[key])) continue;
    const inner = errorRoot(doc, props[key]!, depth + 1);
    if (inner !== undefined) return inner ? `${key}.${inner}` : key;
  }
  return undefined;
}

function errorResponses(doc: OpenApiDoc): Obj[] {
  const out: Obj[] = [];
  for (const item of Object.values<Obj>(doc.paths ?? {})) {
    for (const m of HTTP_METHODS) {
      for (const [code, response] of Object.entries<unknown>(item?.[m]?.responses ?? {})) {
        if (!/^[45]/.test(code) && code !== "default") continue;
        const r = deref(doc, response);
        if (r) out.push(r);
      }
    }
  }
  return out;
}

/** Envelopes detected from the error responses; the most specific root first, the body itself last. */
export function detectEnvelopes(doc: OpenApiDoc): ErrorEnvelopeMeta[] {
  // root → error-object schemas with how many responses use each (a shared schema counts per use)
  const groups = new Map<string, Map<Obj, number>>();
  for (const response of errorResponses(doc)) {
    const schema = jsonSchema(doc, response);
    const root = schema ? errorRoot(doc, schema) : undefined;
    if (!schema || root === undefined) continue;
    let target: Obj | undefined = schema;
    for (const key of root ? root.split(".") : []) target = target ? properties(doc, target)[key] : undefined;
    if (!target) continue;
    const group = groups.get(root) ?? new Map<Obj, number>();
    group.set(target, (group.get(target) ?? 0) + 1);
    groups.set(root, group);
  }
  const envelopes: (ErrorEnvelopeMeta & { weight: number })[] = [];
  for (const [root, schemas] of groups) {
    const envelope: ErrorEnvelopeMeta = { root };
    for (const field of Object.keys(CANDIDATES) as Field[]) {
      // the name that covers the most error responses; ties go to the more telling name
      const { names, test } = CANDIDATES[field];
      let best: { name: string; score: number } | undefined;
      for (const name of names) {
        let score = 0;
        for (const [schema, uses] of schemas) {
          const prop = properties(doc, schema)[name];
          if (prop && test(doc, prop)) score += uses;
        }
        if (score > (best?.score ?? 0)) best = { name, score };
      }
      if (best) envelope[field] = best.name;
    }
    envelopes.push({ ...envelope, weight: [...schemas.values()].reduce((a, b) => a + b, 0) });
  }
  envelopes.sort((a, b) => Number(a.root === "") - Number(b.root === "") || b.root.split(".").length - a.root.split(".").length || b.weight - a.weight);
  return envelopes.map(({ weight: _, ...e }) => e);
}

/** The request-id header most responses declare (`X-Request-Id`, `Request-Id`, `X-Trace-Id`, …). */
export function detectRequestIdHeader(doc: OpenApiDoc): string | undefined {
  const counts = new Map<string, number>();
  for (const item of Object.values<Obj>(doc.paths ?? {})) {
    for (const m of HTTP_METHODS) {
      for (const response of Object.values<unknown>(item?.[m]?.responses ?? {})) {
        for (const name of Object.keys(deref(doc, response)?.headers ?? {})) {
          if (REQUEST_ID_HEADER.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function readEnvelope(raw: unknown, at: string): ErrorEnvelopeMeta {
  const value = expectObject(raw, at);
  onlyKeys(value, ENVELOPE_FIELDS, at);
  const root = optString(value, "root", at);
  if (root === undefined) throw invalid(at, 'root is required ("" for the body itself)');
  return compact({ root, ...Object.fromEntries((Object.keys(CANDIDATES) as Field[]).map((f) => [f, optString(value, f, at)])) });
}

/** Errors meta: the extension's fields, else detection. */
export function extractErrors(doc: OpenApiDoc): ErrorsMeta {
  const raw = doc["x-apiforge-errors"];
  const ext = raw === undefined ? {} : expectObject(raw, AT);
  onlyKeys(ext, ["envelopes", "requestIdHeader"], AT);
  let envelopes: ErrorEnvelopeMeta[];
  if (ext.envelopes !== undefined) {
    if (!Array.isArray(ext.envelopes)) throw invalid(AT, "envelopes must be a list of { root, message, code, details, errorId, requestId }");
    envelopes = ext.envelopes.map((e: unknown, i: number) => readEnvelope(e, `${AT}, envelopes[${i}]`));
  } else envelopes = detectEnvelopes(doc);
  return compact({ envelopes, requestIdHeader: optString(ext, "requestIdHeader", AT) ?? detectRequestIdHeader(doc) });
}
