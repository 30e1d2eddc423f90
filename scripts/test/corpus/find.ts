// Finders the mutation corpus uses to locate its targets by searching the document (by operationId,
// by shape, by where a schema is reachable from), never by line or position, so the corpus keeps
// working as the committed spec grows.
type Doc = Record<string, any>;
type Obj = Record<string, any>;

export const METHODS = ["get", "put", "post", "delete", "patch", "options", "head", "trace"];

/** Follows local `$ref`s to the object they name (the live object: edits change the document). */
export function deref(doc: Doc, node: any): any {
  const seen = new Set<string>();
  while (node && typeof node === "object" && typeof node.$ref === "string" && node.$ref.startsWith("#/") && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    node = node.$ref
      .slice(2)
      .split("/")
      .map((s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((o: any, k: string) => o?.[k], doc);
  }
  return node;
}

export interface Op {
  path: string;
  method: string;
  op: Obj;
  item: Obj;
}

export function ops(doc: Doc): Op[] {
  return Object.entries<Obj>(doc.paths ?? {}).flatMap(([path, item]) => METHODS.filter((m) => item?.[m]).map((method) => ({ path, method, op: item[method], item })));
}

/** The first operation matching `pred`; throws naming what was looked for, so a stale corpus fails loudly. */
export function findOp(doc: Doc, what: string, pred: (o: Op) => boolean): Op {
  const found = ops(doc).find(pred);
  if (!found) throw new Error(`corpus: no operation ${what} in the spec`);
  return found;
}

export function byId(doc: Doc, operationId: string): Op {
  return findOp(doc, `with operationId ${operationId}`, (o) => o.op.operationId === operationId);
}

/** Effective parameters of an operation, resolved. */
export function params(doc: Doc, o: Op): Obj[] {
  return [...(o.item.parameters ?? []), ...(o.op.parameters ?? [])].map((p) => deref(doc, p));
}

export function jsonMedia(doc: Doc, holder: any): { key: string; media: Obj } | undefined {
  const content = deref(doc, holder)?.content ?? {};
  const key = Object.keys(content).find((k) => /json/i.test(k));
  return key ? { key, media: content[key] } : undefined;
}

/** Every schema object reachable from `roots` through $ref, properties, items, compositions. */
function reachable(doc: Doc, roots: unknown[]): Set<Obj> {
  const out = new Set<Obj>();
  const stack = [...roots];
  while (stack.length) {
    const s = deref(doc, stack.pop());
    if (!s || typeof s !== "object" || out.has(s)) continue;
    out.add(s);
    stack.push(...Object.values(s.properties ?? {}), s.items, s.additionalProperties, ...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? []));
  }
  return out;
}

/** Schemas reachable from request bodies and parameters, from responses, and from webhook payloads. */
export function sides(doc: Doc): { request: Set<Obj>; response: Set<Obj>; webhook: Set<Obj> } {
  const req: unknown[] = [];
  const res: unknown[] = [];
  const hook: unknown[] = [];
  for (const o of ops(doc)) {
    for (const p of params(doc, o)) req.push(p?.schema);
    for (const m of Object.values<Obj>(deref(doc, o.op.requestBody)?.content ?? {})) req.push(m.schema);
    for (const r of Object.values<any>(o.op.responses ?? {})) for (const m of Object.values<Obj>(deref(doc, r)?.content ?? {})) res.push(m.schema);
  }
  // webhook payloads are sent by the vendor: the receiving side, like a response
  for (const item of Object.values<Obj>(doc.webhooks ?? {})) {
    for (const m of METHODS) for (const media of Object.values<Obj>(deref(doc, item?.[m]?.requestBody)?.content ?? {})) hook.push(media.schema);
  }
  return { request: reachable(doc, req), response: reachable(doc, res), webhook: reachable(doc, hook) };
}

export interface PropHit {
  parent: Obj;
  name: string;
  prop: Obj;
}

/**
 * An inline property of a schema reachable only from `side` (so a mutation shows up on that side
 * alone), for which `pred` holds. Throws when none exists.
 */
export function findProp(doc: Doc, side: "request" | "response" | "webhook", what: string, pred: (prop: Obj, name: string, parent: Obj) => boolean): PropHit {
  const s = sides(doc);
  const mine = s[side];
  const others = (["request", "response", "webhook"] as const).filter((x) => x !== side).map((x) => s[x]);
  const elsewhere = (o: Obj) => others.some((set) => set.has(o));
  for (const parent of mine) {
    if (elsewhere(parent)) continue;
    for (const [name, prop] of Object.entries<Obj>(parent.properties ?? {})) {
      if (prop && !prop.$ref && !elsewhere(prop) && pred(prop, name, parent)) return { parent, name, prop };
    }
  }
  throw new Error(`corpus: no ${side}-only property ${what} in the spec`);
}

/** A schema's single type name ("string", "integer", …), reading 3.1 `type: [x, "null"]` too. */
export function typeOf(s: Obj): string | undefined {
  return Array.isArray(s?.type) ? s.type.find((t: string) => t !== "null") : s?.type;
}

/** Rewrites every `$ref` equal to `from` into `to`, anywhere in the document. */
export function rewriteRefs(node: any, from: string, to: string): void {
  if (!node || typeof node !== "object") return;
  if (node.$ref === from) node.$ref = to;
  for (const v of Object.values(node)) rewriteRefs(v, from, to);
}
