// Headers and parameter serialisation: the response headers of each response (through `$ref`ed
// responses and `$ref`ed headers), the header parameters of webhooks, and the `style`/`explode` a
// request parameter is written with. A webhook's headers are sent by the vendor and read by us, so
// they are compared exactly like response headers, as its payload is compared like a response body.
import type { DiffContext } from "./context.js";
import { ptr, type RefResolver } from "./resolve.js";
import { compareDocs, compareSchema } from "./schema.js";

type Obj = Record<string, any>;

export interface Header {
  /** The name as written (messages); maps are keyed by its lower-case form, HTTP names being case-insensitive. */
  name: string;
  h: Obj;
  at: string;
}

/** Headers OpenAPI says to ignore: a response's Content-Type, a parameter's Accept/Content-Type/Authorization. */
const IGNORED_RESPONSE = new Set(["content-type"]);
const IGNORED_PARAM = new Set(["accept", "content-type", "authorization"]);

/** The headers of one (already resolved) response at `at`, each `$ref` resolved. */
export function responseHeaders(r: RefResolver, response: Obj, at: string): Map<string, Header> {
  const out = new Map<string, Header>();
  for (const [name, raw] of Object.entries<unknown>(response.headers ?? {})) {
    if (IGNORED_RESPONSE.has(name.toLowerCase())) continue;
    const res = r.resolve(raw, ptr(at, "headers", name));
    if (res.node) out.set(name.toLowerCase(), { name, h: res.node, at: res.at });
  }
  return out;
}

/** The `in: header` parameters among already resolved parameters (a webhook's, as `operations.ts` collects them). */
export function headerParams(params: Iterable<{ p: Obj; at: string }>): Map<string, Header> {
  const out = new Map<string, Header>();
  for (const { p, at } of params) {
    if (p.in !== "header" || typeof p.name !== "string" || IGNORED_PARAM.has(p.name.toLowerCase())) continue;
    out.set(p.name.toLowerCase(), { name: p.name, h: p, at });
  }
  return out;
}

/** A header's schema, from `schema` or from its single `content` entry. */
function headerSchema(x: Header): { node: unknown; at: string } | undefined {
  if (x.h.schema) return { node: x.h.schema, at: ptr(x.at, "schema") };
  const [mt] = Object.keys(x.h.content ?? {});
  return mt && x.h.content[mt]?.schema ? { node: x.h.content[mt].schema, at: ptr(x.at, "content", mt, "schema") } : undefined;
}

/**
 * Compares the headers a caller receives: removed (required or not), added, became optional or
 * required, docs, and the schema in the response role (`response-header-type-changed`, …).
 * `root` names the holder in messages: "response 429", "webhook".
 */
export function compareHeaders(ctx: DiffContext, hb: Map<string, Header>, hh: Map<string, Header>, root: string): void {
  for (const [key, b] of hb) {
    const h = hh.get(key);
    const label = `${root} header \`${b.name}\``;
    const rb = b.h.required === true;
    if (!h) {
      ctx.emit(`${rb ? "required" : "optional"}-response-header-removed`, b.at, null, `${label} removed`);
      continue;
    }
    const rh = h.h.required === true;
    if (rb !== rh) ctx.emit(`response-header-became-${rh ? "required" : "optional"}`, b.at, h.at, `${label} became ${rh ? "required" : "optional"}`);
    compareDocs(ctx, b.h, b.at, h.h, h.at, label);
    const sb = headerSchema(b);
    const sh = headerSchema(h);
    if (sb && sh) compareSchema(ctx, sb, sh, { dir: "response", scope: "header", root: label, path: "" });
  }
  for (const [key, h] of hh) {
    if (!hb.has(key)) ctx.emit("response-header-added", null, h.at, `${root} header \`${h.name}\` added${h.h.required === true ? " (required)" : ""}`);
  }
}

/** The style and explode in effect, defaults filled in (OpenAPI 3.x §Parameter), so writing out a default is no change. */
function serialization(p: Obj): { style: string; explode: boolean } {
  const style = typeof p.style === "string" ? p.style : p.in === "query" || p.in === "cookie" ? "form" : "simple";
  return { style, explode: typeof p.explode === "boolean" ? p.explode : style === "form" };
}

const SCALARS = new Set(["string", "number", "integer", "boolean", "null"]);

/** True when every value the schema allows is a single value, for which `explode` changes nothing on the wire. */
function scalar(r: RefResolver, schema: unknown, at: string): boolean {
  const s = r.resolve(schema, at).node;
  if (!s || s.oneOf || s.anyOf || s.allOf) return false;
  const types: unknown[] = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  return types.length > 0 && types.every((t) => SCALARS.has(t as string));
}

/**
 * `style`/`explode` of a request parameter described by a schema (one described by `content` is
 * serialised by its media type): a change makes old callers write values the server reads wrong.
 */
export function compareSerialization(ctx: DiffContext, b: { p: Obj; at: string }, h: { p: Obj; at: string }, label: string): void {
  if (!b.p.schema || !h.p.schema) return;
  const sb = serialization(b.p);
  const sh = serialization(h.p);
  if (sb.style !== sh.style) {
    ctx.emit("request-parameter-style-changed", b.at, h.at, `${label}: style changed from ${sb.style} to ${sh.style}`);
  } else if (sb.explode !== sh.explode && !(scalar(ctx.base, b.p.schema, ptr(b.at, "schema")) && scalar(ctx.head, h.p.schema, ptr(h.at, "schema")))) {
    ctx.emit("request-parameter-explode-changed", b.at, h.at, `${label}: explode changed from ${sb.explode} to ${sh.explode}`);
  }
}
