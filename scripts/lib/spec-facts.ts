// The numbers a spec states that the runtime must obey (rate limit, page-size maximum, bulk
// maxItems) and the list of paginated operations. Generated into meta.ts by `pnpm generate` and
// compared by `pnpm spec:diff`, so no such constant is ever typed by hand.
import { operations, type OpenApiDoc } from "./spec-doc.ts";

export interface PaginationFacts {
  style: "page-number";
  pageParam: string;
  pageSizeParam: string;
  itemsField: string;
  totalField?: string;
  totalPagesField?: string;
  /** Smallest `maximum` of the page-size parameter over all paginated operations. */
  maxPageSize?: number;
  defaultPageSize?: number;
}

export interface SpecFacts {
  rateLimit: { limit: number; windowMs: number } | null;
  pagination: PaginationFacts | null;
  paginatedOperations: { method: "get"; path: string; operationId: string }[];
  bulkOperations: { method: string; path: string; operationId: string; maxItems: number; field?: string }[];
}

type Obj = Record<string, any>;

/** Follows local `$ref`s (`#/components/...`), stopping on cycles. */
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
  return cur;
}

/** Properties of an object schema, merged through allOf. */
function properties(doc: OpenApiDoc, schema: unknown, depth = 0): Record<string, Obj> {
  const s = deref(doc, schema);
  if (!s || depth > 20) return {};
  const own: Record<string, Obj> = {};
  for (const [k, v] of Object.entries(s.properties ?? {})) own[k] = deref(doc, v) ?? {};
  for (const part of s.allOf ?? []) Object.assign(own, properties(doc, part, depth + 1), own);
  return own;
}

function isArray(schema: Obj | undefined): boolean {
  const t = schema?.type;
  return t === "array" || (Array.isArray(t) && t.includes("array"));
}

function jsonSchema(doc: OpenApiDoc, holder: unknown): Obj | undefined {
  const content = deref(doc, holder)?.content ?? {};
  const key = Object.keys(content).find((k) => /json/i.test(k));
  return key ? deref(doc, content[key].schema) : undefined;
}

function queryParams(doc: OpenApiDoc, pathItem: Obj, op: Obj): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const p of [...(pathItem.parameters ?? []), ...(op.parameters ?? [])]) {
    const param = deref(doc, p);
    if (param?.in === "query") out.set(param.name, param);
  }
  return out;
}

// Conventions tried, in order, when the spec does not describe its pagination with x-pagination.
const CONVENTIONS = [
  ["page", "page_size"],
  ["page", "per_page"],
  ["page", "pageSize"],
] as const;

function declaredPagination(doc: OpenApiDoc): Omit<PaginationFacts, "maxPageSize" | "defaultPageSize"> | null {
  const x = doc["x-pagination"];
  if (x && x.style === "page-number" && x.pageParam && x.pageSizeParam && x.itemsField) {
    return { style: "page-number", pageParam: x.pageParam, pageSizeParam: x.pageSizeParam, itemsField: x.itemsField, totalField: x.totalField, totalPagesField: x.totalPagesField };
  }
  return null;
}

function successSchema(doc: OpenApiDoc, op: Obj): Obj | undefined {
  const code = Object.keys(op.responses ?? {}).find((c) => /^2\d\d$/.test(c));
  return code ? jsonSchema(doc, op.responses[code]) : undefined;
}

export function extractFacts(doc: OpenApiDoc): SpecFacts {
  const facts: SpecFacts = { rateLimit: null, pagination: null, paginatedOperations: [], bulkOperations: [] };

  const rl = doc["x-rate-limit"];
  if (rl && Number.isFinite(rl.limit) && (Number.isFinite(rl.windowSeconds) || Number.isFinite(rl.windowMs))) {
    facts.rateLimit = { limit: rl.limit, windowMs: rl.windowMs ?? rl.windowSeconds * 1000 };
  }

  const declared = declaredPagination(doc);
  const pageSizes: { max?: number; def?: number }[] = [];
  for (const { method, path, op } of operations(doc)) {
    const pathItem = doc.paths![path];
    if (method === "get") {
      const query = queryParams(doc, pathItem, op);
      const props = properties(doc, successSchema(doc, op));
      const convention =
        declared ??
        CONVENTIONS.map(([pageParam, pageSizeParam]) => {
          const arrays = Object.keys(props).filter((k) => isArray(props[k]));
          return arrays.length === 1 ? { style: "page-number" as const, pageParam, pageSizeParam, itemsField: arrays[0]! } : null;
        }).find((c) => c && query.has(c.pageParam) && query.has(c.pageSizeParam));
      if (convention && query.has(convention.pageParam) && query.has(convention.pageSizeParam) && isArray(props[convention.itemsField])) {
        facts.pagination ??= { ...convention };
        facts.paginatedOperations.push({ method: "get", path, operationId: op.operationId ?? `${method} ${path}` });
        const sizeSchema = deref(doc, query.get(convention.pageSizeParam)!.schema);
        pageSizes.push({ max: sizeSchema?.maximum, def: sizeSchema?.default });
      }
    }
    const body = jsonSchema(doc, op.requestBody);
    if (body) {
      if (isArray(body) && Number.isFinite(body.maxItems)) {
        facts.bulkOperations.push({ method, path, operationId: op.operationId ?? `${method} ${path}`, maxItems: body.maxItems });
      } else {
        for (const [field, prop] of Object.entries(properties(doc, body))) {
          if (isArray(prop) && Number.isFinite(prop.maxItems)) {
            facts.bulkOperations.push({ method, path, operationId: op.operationId ?? `${method} ${path}`, maxItems: prop.maxItems, field });
          }
        }
      }
    }
  }
  if (facts.pagination) {
    const maxes = pageSizes.map((p) => p.max).filter((n): n is number => Number.isFinite(n));
    const defs = pageSizes.map((p) => p.def).filter((n): n is number => Number.isFinite(n));
    if (maxes.length) facts.pagination.maxPageSize = Math.min(...maxes);
    if (defs.length) facts.pagination.defaultPageSize = Math.min(...defs);
  }
  return facts;
}
