// Operation-level comparison: which operations exist, and for each pair its parameters, request
// body, responses, headers and docs. Schemas go to schema.ts, headers to headers.ts, security to security.ts.
import { show, type DiffContext } from "./context.js";
import { compareHeaders, compareSerialization, headerParams, responseHeaders } from "./headers.js";
import { ptr } from "./resolve.js";
import { compareDocs, compareSchema, type Place } from "./schema.js";
import { compareLifecycle, removedBeforeSunset } from "./lifecycle.js";
import { compareSecurity } from "./security.js";

type Obj = Record<string, any>;
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OpRef {
  method: string;
  path: string;
  /** "GET /v1/people" */
  name: string;
  /** Path with parameter names blanked, so `/people/{id}` and `/people/{person_id}` match. */
  shape: string;
  item: Obj;
  op: Obj;
  at: string;
  /** A 3.1 webhook: the vendor sends the request, so its body is compared as a response. */
  webhook: boolean;
}

export function listOperations(doc: Obj): OpRef[] {
  const out: OpRef[] = [];
  for (const [path, item] of Object.entries<Obj>(doc.paths ?? {})) {
    if (!item || typeof item !== "object") continue;
    for (const method of METHODS) {
      if (!item[method]) continue;
      out.push({ method, path, name: `${method.toUpperCase()} ${path}`, shape: `${method} ${path.replace(/\{[^}]*\}/g, "{}")}`, item, op: item[method], at: ptr("#/paths", path, method), webhook: false });
    }
  }
  for (const [name, item] of Object.entries<Obj>(doc.webhooks ?? {})) {
    if (!item || typeof item !== "object") continue;
    for (const method of METHODS) {
      if (item[method]) out.push({ method, path: name, name: `WEBHOOK ${name}`, shape: `webhook ${name}`, item, op: item[method], at: ptr("#/webhooks", name, method), webhook: true });
    }
  }
  return out;
}

/** Pairs operations by method + path, then by path shape (a renamed path parameter); reports the rest. */
export function compareOperations(ctx: DiffContext, baseDoc: Obj, headDoc: Obj): void {
  const base = listOperations(baseDoc);
  const head = listOperations(headDoc);
  const byName = new Map(head.map((o) => [o.name, o]));
  const used = new Set<OpRef>();
  const pairs: [OpRef, OpRef][] = [];
  const baseNames = new Set(base.map((o) => o.name));
  for (const b of base) {
    // exact matches claim only names both sides have, so shape matches never steal one
    const h = byName.get(b.name) ?? head.find((x) => !used.has(x) && !baseNames.has(x.name) && x.shape === b.shape);
    if (h) {
      used.add(h);
      pairs.push([b, h]);
    } else {
      ctx.within(b.name, () => {
        const pathGone = !b.webhook && !head.some((x) => x.path === b.path || x.path.replace(/\{[^}]*\}/g, "{}") === b.path.replace(/\{[^}]*\}/g, "{}"));
        const dep = b.op.deprecated === true ? "with" : "without";
        if (b.webhook) ctx.emit("webhook-removed", b.at, null, `${b.name} removed`);
        else if (ctx.lifecycle && removedBeforeSunset(ctx, b, pathGone, ctx.lifecycle)) return;
        else ctx.emit(`api-${pathGone ? "path-" : ""}removed-${dep}-deprecation`, b.at, null, `${b.name} removed${dep === "with" ? " (it was deprecated)" : ""}`);
      });
    }
  }
  for (const h of head) if (!used.has(h)) ctx.within(h.name, () => ctx.emit(h.webhook ? "webhook-added" : "endpoint-added", null, h.at, `${h.name} added`));
  for (const [b, h] of pairs) ctx.within(h.name, () => compareOperation(ctx, b, h));
}

function compareOperation(ctx: DiffContext, b: OpRef, h: OpRef): void {
  // an identical operation (path-level parameters included) whose every `$ref` is unchanged has nothing to report
  const itemAt = (o: OpRef) => o.at.slice(0, o.at.lastIndexOf("/"));
  if (ctx.unchanged.check(b.op, b.at, h.op, h.at) && ctx.unchanged.check(b.item.parameters, `${itemAt(b)}/parameters`, h.item.parameters, `${itemAt(h)}/parameters`)) return;
  compareDocs(ctx, b.op, b.at, h.op, h.at, h.name);
  if (ctx.lifecycle) compareLifecycle(ctx, b, h, ctx.lifecycle);
  compareServers(ctx, b, h);
  if (!!b.op.deprecated !== !!h.op.deprecated) ctx.emit(h.op.deprecated ? "endpoint-deprecated" : "endpoint-reactivated", ptr(b.at, "deprecated"), ptr(h.at, "deprecated"), `${h.name} ${h.op.deprecated ? "deprecated" : "no longer deprecated"}`);
  if (b.op.operationId !== h.op.operationId) {
    if (b.op.operationId) ctx.emit("api-operation-id-removed", ptr(b.at, "operationId"), h.op.operationId ? ptr(h.at, "operationId") : null, `operationId ${show(b.op.operationId)} ${h.op.operationId ? `renamed to ${show(h.op.operationId)}` : "removed"}`);
    else ctx.emit("api-operation-id-added", null, ptr(h.at, "operationId"), `operationId ${show(h.op.operationId)} added`);
  }
  const tb: string[] = b.op.tags ?? [];
  const th: string[] = h.op.tags ?? [];
  for (const t of tb) if (!th.includes(t)) ctx.emit("api-tag-removed", ptr(b.at, "tags"), ptr(h.at, "tags"), `tag ${show(t)} removed`);
  for (const t of th) if (!tb.includes(t)) ctx.emit("api-tag-added", ptr(b.at, "tags"), ptr(h.at, "tags"), `tag ${show(t)} added`);
  if (b.webhook) {
    // what the vendor sends us: a field it stops sending breaks our handlers, a new one does not
    const rb = ctx.base.resolve(b.op.requestBody, ptr(b.at, "requestBody"));
    const rh = ctx.head.resolve(h.op.requestBody, ptr(h.at, "requestBody"));
    if (rb.node && rh.node) compareContent(ctx, rb.node.content, ptr(rb.at, "content"), rh.node.content, ptr(rh.at, "content"), "response", "webhook payload");
    compareHeaders(ctx, headerParams(parameters(ctx, "base", b).values()), headerParams(parameters(ctx, "head", h).values()), "webhook");
    return;
  }
  compareParameters(ctx, b, h);
  compareRequestBody(ctx, b, h);
  compareResponses(ctx, b, h);
  compareSecurity(ctx, b, h);
}

interface Param {
  p: Obj;
  at: string;
}

/** Effective parameters (path-item level overridden by operation level), keyed by `in:name`. */
function parameters(ctx: DiffContext, side: "base" | "head", o: OpRef): Map<string, Param> {
  const r = ctx[side];
  const out = new Map<string, Param>();
  const add = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((raw, i) => {
      const res = r.resolve(raw, ptr(at, "parameters", i));
      if (res.node?.name && res.node.in) out.set(`${res.node.in}:${res.node.name}`, { p: res.node, at: res.at });
    });
  };
  add(o.item.parameters, o.at.slice(0, o.at.lastIndexOf("/")));
  add(o.op.parameters, o.at);
  return out;
}

function pathNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
}

/** A parameter's schema, from `schema` or from its single `content` entry. */
function paramSchema(p: Param): { node: unknown; at: string } | undefined {
  if (p.p.schema) return { node: p.p.schema, at: ptr(p.at, "schema") };
  const [mt] = Object.keys(p.p.content ?? {});
  return mt && p.p.content[mt].schema ? { node: p.p.content[mt].schema, at: ptr(p.at, "content", mt, "schema") } : undefined;
}

function compareParameters(ctx: DiffContext, b: OpRef, h: OpRef): void {
  const pb = parameters(ctx, "base", b);
  const ph = parameters(ctx, "head", h);
  // path parameters pair by their position in the template, so a rename is one change, not two
  const rename = new Map<string, string>();
  const nb = pathNames(b.path);
  const nh = pathNames(h.path);
  for (const [i, n] of nb.entries()) if (nh[i] !== undefined) rename.set(`path:${n}`, `path:${nh[i]}`);
  const seen = new Set<string>();
  for (const [key, bp] of pb) {
    const hk = rename.get(key) ?? key;
    const hp = ph.get(hk);
    seen.add(hk);
    const label = `${bp.p.in} parameter \`${bp.p.name}\``;
    if (!hp) {
      if (bp.p.deprecated === true) ctx.emit("request-parameter-removed-with-deprecation", bp.at, null, `${label} removed (it was deprecated)`);
      else ctx.emit("request-parameter-removed", bp.at, null, `${label} removed`);
      continue;
    }
    if (!!bp.p.deprecated !== !!hp.p.deprecated) ctx.emit(`request-parameter-${hp.p.deprecated ? "deprecated" : "reactivated"}`, bp.at, hp.at, `${label} ${hp.p.deprecated ? "deprecated" : "no longer deprecated"}`);
    if (hk !== key) ctx.emit("request-path-parameter-renamed", bp.at, hp.at, `path parameter \`${bp.p.name}\` renamed to \`${hp.p.name}\``);
    const rb = bp.p.required === true || bp.p.in === "path";
    const rh = hp.p.required === true || hp.p.in === "path";
    if (rb !== rh) ctx.emit(`request-parameter-became-${rh ? "required" : "optional"}`, bp.at, hp.at, `${label} became ${rh ? "required" : "optional"}`);
    compareDocs(ctx, bp.p, bp.at, hp.p, hp.at, label);
    compareSerialization(ctx, bp, hp, label);
    const sb = paramSchema(bp);
    const sh = paramSchema(hp);
    if (sb && sh) compareSchema(ctx, sb, sh, { dir: "request", scope: "parameter", root: label, path: "" });
  }
  for (const [key, hp] of ph) {
    if (seen.has(key)) continue;
    const label = `${hp.p.in} parameter \`${hp.p.name}\``;
    const required = hp.p.required === true || hp.p.in === "path";
    // added to the path item, so to every operation on the path: oasdiff's "default parameter" ids
    const onPath = hp.at.startsWith(`${h.at.slice(0, h.at.lastIndexOf("/"))}/parameters/`) && !hp.at.startsWith(`${h.at}/`);
    if (onPath) ctx.emit(`new-${required ? "required" : "optional"}-request-default-parameter-to-existing-path`, null, hp.at, `${label} added to every operation on ${h.path}${required ? " as required" : ""}`);
    else if (required) ctx.emit("new-required-request-parameter", null, hp.at, `${label} added as required`);
    else ctx.emit("new-optional-request-parameter", null, hp.at, `${label} added (optional)`);
  }
}

function compareRequestBody(ctx: DiffContext, b: OpRef, h: OpRef): void {
  const rb = b.op.requestBody ? ctx.base.resolve(b.op.requestBody, ptr(b.at, "requestBody")) : undefined;
  const rh = h.op.requestBody ? ctx.head.resolve(h.op.requestBody, ptr(h.at, "requestBody")) : undefined;
  if (!rb?.node && !rh?.node) return;
  if (!rb?.node) {
    const req = rh!.node!.required === true;
    ctx.emit(`request-body-added-${req ? "required" : "optional"}`, null, rh!.at, `${req ? "required" : "optional"} request body added`);
    return;
  }
  if (!rh?.node) {
    ctx.emit("request-body-removed", rb.at, null, "request body removed");
    return;
  }
  const qb = rb.node.required === true;
  const qh = rh.node.required === true;
  if (qb !== qh) ctx.emit(`request-body-became-${qh ? "required" : "optional"}`, rb.at, rh.at, `request body became ${qh ? "required" : "optional"}`);
  compareDocs(ctx, rb.node, rb.at, rh.node, rh.at, "request body");
  compareContent(ctx, rb.node.content, ptr(rb.at, "content"), rh.node.content, ptr(rh.at, "content"), "request", "request body");
}

/** Media types of a body: removed/added, and the schema of each one present on both sides. */
function compareContent(ctx: DiffContext, cb: Obj | undefined, bAt: string, ch: Obj | undefined, hAt: string, dir: "request" | "response", root: string): void {
  const id = dir === "request" ? "request-body-media-type" : "response-media-type";
  for (const mt of Object.keys(cb ?? {})) {
    if (!ch?.[mt]) {
      ctx.emit(`${id}-removed`, ptr(bAt, mt), null, `${root}: media type ${mt} removed`);
      continue;
    }
    const mb = cb![mt];
    const mh = ch[mt];
    const label = Object.keys(cb!).length > 1 ? `${root} (${mt})` : root;
    compareDocs(ctx, mb, ptr(bAt, mt), mh, ptr(hAt, mt), label);
    if (!mb?.schema !== !mh?.schema) {
      const which = dir === "request" ? "request-body" : "response-body";
      ctx.emit(`${which}-media-type-schema-${mh?.schema ? "added" : "removed"}`, ptr(bAt, mt), ptr(hAt, mt), `${label}: schema ${mh?.schema ? "added" : "removed"}`);
    }
    if (mb?.schema && mh?.schema) compareSchema(ctx, { node: mb.schema, at: ptr(bAt, mt, "schema") }, { node: mh.schema, at: ptr(hAt, mt, "schema") }, { dir, scope: "body", root: label, path: "" } satisfies Place);
  }
  for (const mt of Object.keys(ch ?? {})) if (!cb?.[mt]) ctx.emit(`${id}-added`, null, ptr(hAt, mt), `${root}: media type ${mt} added`);
}

function compareResponses(ctx: DiffContext, b: OpRef, h: OpRef): void {
  const rb: Obj = b.op.responses ?? {};
  const rh: Obj = h.op.responses ?? {};
  const success = (code: string) => /^2/.test(code);
  for (const code of Object.keys(rb)) {
    const bAt = ptr(b.at, "responses", code);
    const hAt = ptr(h.at, "responses", code);
    if (!(code in rh)) {
      ctx.emit(success(code) ? "response-success-status-removed" : "response-non-success-status-removed", bAt, null, `response ${code} removed`);
      continue;
    }
    const xb = ctx.base.resolve(rb[code], bAt);
    const xh = ctx.head.resolve(rh[code], hAt);
    if (!xb.node || !xh.node) continue;
    compareDocs(ctx, xb.node, xb.at, xh.node, xh.at, `response ${code}`);
    compareHeaders(ctx, responseHeaders(ctx.base, xb.node, xb.at), responseHeaders(ctx.head, xh.node, xh.at), `response ${code}`);
    compareContent(ctx, xb.node.content, ptr(xb.at, "content"), xh.node.content, ptr(xh.at, "content"), "response", `response ${code} body`);
  }
  for (const code of Object.keys(rh)) {
    if (!(code in rb)) ctx.emit(success(code) ? "response-success-status-added" : "response-non-success-status-added", null, ptr(h.at, "responses", code), `response ${code} added`);
  }
}

/**
 * Servers declared on a path or an operation override the document's for that operation. Compared
 * only where either side declares them (the document's own list is compared once, in diff.ts).
 */
function compareServers(ctx: DiffContext, b: OpRef, h: OpRef): void {
  const declared = (o: OpRef) => o.op.servers ?? o.item.servers;
  if (!declared(b) && !declared(h)) return;
  const urls = (o: OpRef, doc: Obj): string[] => (declared(o) ?? doc.servers ?? []).map((s: Obj) => s?.url).filter((u: unknown) => typeof u === "string");
  const ub = urls(b, ctx.base.doc);
  const uh = urls(h, ctx.head.doc);
  const at = (o: OpRef) => (o.op.servers ? ptr(o.at, "servers") : o.item.servers ? ptr(o.at.slice(0, o.at.lastIndexOf("/")), "servers") : "#/servers");
  for (const u of ub) if (!uh.includes(u)) ctx.emit("api-server-removed", at(b), at(h), `server ${u} removed for ${h.name}`);
  for (const u of uh) if (!ub.includes(u)) ctx.emit("api-server-added", at(b), at(h), `server ${u} added for ${h.name}`);
}
