// Per-operation facts: pagination (pagination.ts), bulk chunk limits and the idempotency header.
import type { OperationMeta, PaginationMeta } from "../../../packages/runtime/src/api-meta.ts";
import { operations, type OpenApiDoc } from "../spec-doc.ts";
import { compact, expectObject, invalid, onlyKeys, optStrings } from "./extension.ts";
import { paginationFor, rootPagination } from "./pagination.ts";
import { isArray, jsonSchema, type Obj, paramsIn, properties } from "./schema.ts";

const IDEMPOTENCY_HEADER = /^idempotency-key$/i;

/** A request body that is an array with `maxItems`, or an object with one such array field. */
export function bulkOf(doc: OpenApiDoc, op: Obj): OperationMeta["bulk"] {
  const body = jsonSchema(doc, op.requestBody);
  if (!body) return undefined;
  if (isArray(doc, body)) return Number.isFinite(body.maxItems) ? { maxItems: body.maxItems } : undefined;
  const fields = Object.entries(properties(doc, body)).filter(([, p]) => isArray(doc, p) && Number.isFinite(p.maxItems));
  // two capped arrays in one body: no single field to chunk on
  return fields.length === 1 ? { maxItems: fields[0]![1].maxItems, field: fields[0]![0] } : undefined;
}

interface RootIdempotency {
  header: string;
  methods: string[];
}

function rootIdempotency(doc: OpenApiDoc): RootIdempotency | undefined {
  const raw = doc["x-apiforge-idempotency"];
  if (raw === undefined) return undefined;
  const at = "x-apiforge-idempotency at the root";
  const value = expectObject(raw, at);
  onlyKeys(value, ["header", "methods"], at);
  if (typeof value.header !== "string" || !value.header) throw invalid(at, "header is required, e.g. Idempotency-Key");
  const methods = (optStrings(value, "methods", at) ?? ["post", "patch"]).map((m) => m.toLowerCase());
  return { header: value.header, methods };
}

function idempotencyOf(doc: OpenApiDoc, method: string, path: string, pathItem: Obj, op: Obj, root: RootIdempotency | undefined): string | undefined {
  const raw = op["x-apiforge-idempotency"];
  const at = `x-apiforge-idempotency on ${method.toUpperCase()} ${path}`;
  if (raw === false) return undefined;
  if (typeof raw === "string" && raw) return raw;
  if (raw !== undefined) {
    const value = expectObject(raw, at);
    onlyKeys(value, ["header"], at);
    if (typeof value.header !== "string" || !value.header) throw invalid(at, "header is required, e.g. Idempotency-Key");
    return value.header;
  }
  if (root?.methods.includes(method)) return root.header;
  return [...paramsIn(doc, pathItem, op, "header").keys()].find((name) => IDEMPOTENCY_HEADER.test(name));
}

/** Every operation by operationId (`<method> <path>` when it has none). */
export function extractOperations(doc: OpenApiDoc): Record<string, OperationMeta> {
  const out: Record<string, OperationMeta> = {};
  const pageDefault = rootPagination(doc);
  const idem = rootIdempotency(doc);
  for (const { method, path, op } of operations(doc)) {
    const pathItem = doc.paths![path];
    const id = typeof op.operationId === "string" && op.operationId && !(op.operationId in out) ? op.operationId : `${method} ${path}`;
    const pagination: PaginationMeta | undefined = paginationFor(doc, { method, path, pathItem, op }, pageDefault);
    out[id] = compact({
      method: method as OperationMeta["method"],
      path,
      pagination,
      bulk: bulkOf(doc, op),
      idempotencyHeader: idempotencyOf(doc, method, path, pathItem, op, idem),
    });
  }
  return out;
}
