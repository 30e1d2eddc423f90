// Valid inputs for every operation, read from the spec itself (so the contract suite follows the
// spec): examples when the spec gives them, otherwise the smallest value its schema accepts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

type Obj = Record<string, any>;

export const specPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../../spec/parallax/openapi.yaml");

export function loadSpec(): Obj {
  return parse(readFileSync(specPath, "utf8")) as Obj;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type Method = (typeof METHODS)[number];

export interface OperationCase {
  operationId: string;
  method: Method;
  path: string;
  params: { path?: Obj; query?: Obj };
  body?: unknown;
  mediaType?: string;
  successStatuses: number[];
}

export function deref(doc: Obj, node: any, depth = 0): any {
  let cur = node;
  while (cur && typeof cur === "object" && typeof cur.$ref === "string" && depth++ < 50) {
    cur = cur.$ref
      .slice(2)
      .split("/")
      .map((s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((o: any, k: string) => o?.[k], doc);
  }
  return cur;
}

function exampleOf(node: Obj | undefined): unknown {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  if (Array.isArray(node.examples) && node.examples.length) return node.examples[0];
  if (node.examples && typeof node.examples === "object") {
    const first = Object.values(node.examples)[0] as Obj | undefined;
    if (first && "value" in first) return first.value;
  }
  return undefined;
}

const FORMATS: Record<string, string> = {
  uuid: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  date: "2025-01-01",
  "date-time": "2025-01-01T12:00:00Z",
  email: "someone@example.com",
  uri: "https://example.com/",
};

/** The smallest value `schema` accepts, preferring the spec's own examples, defaults and enums. */
export function sample(doc: Obj, schemaNode: unknown, depth = 0): unknown {
  const schema = deref(doc, schemaNode) as Obj | undefined;
  if (!schema || depth > 12) return undefined;
  const ex = exampleOf(schema);
  if (ex !== undefined) return ex;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null) ?? schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants)) return sample(doc, variants.find((v: Obj) => deref(doc, v)?.type !== "null") ?? variants[0], depth + 1);
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((p: unknown) => sample(doc, p, depth + 1));
    return parts.every((p: unknown) => p && typeof p === "object" && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[0];
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ["object"] : [];
  const type = types.find((t) => t !== "null") ?? types[0];
  switch (type) {
    case "object": {
      const out: Obj = {};
      for (const key of schema.required ?? []) out[key] = sample(doc, schema.properties?.[key] ?? {}, depth + 1) ?? "x";
      return out;
    }
    case "array": {
      const item = sample(doc, schema.items ?? {}, depth + 1);
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case "integer":
    case "number":
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Number(schema.exclusiveMinimum) + 1 : 1);
    case "boolean":
      return true;
    case "null":
      return null;
    case "string": {
      const s = FORMATS[schema.format] ?? "x";
      return s.length >= (schema.minLength ?? 0) ? s : s.padEnd(schema.minLength, "x");
    }
    default:
      return undefined;
  }
}

/** One case per operation in the spec, with valid path/query parameters and body. */
export function operationCases(doc: Obj): OperationCase[] {
  const cases: OperationCase[] = [];
  for (const [p, rawItem] of Object.entries<Obj>(doc.paths ?? {})) {
    const item = deref(doc, rawItem) as Obj;
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (!op) continue;
      const params: OperationCase["params"] = {};
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const param = deref(doc, raw) as Obj;
        if (param.in !== "path" && !(param.in === "query" && param.required)) continue;
        const where = param.in as "path" | "query";
        params[where] ??= {};
        params[where][param.name] = exampleOf(param) ?? sample(doc, param.schema ?? {}) ?? "x";
      }
      const c: OperationCase = {
        operationId: op.operationId ?? `${method} ${p}`,
        method,
        path: p,
        params,
        successStatuses: Object.keys(op.responses ?? {}).filter((s) => /^2\d\d$/.test(s)).map(Number),
      };
      const content = deref(doc, op.requestBody)?.content as Obj | undefined;
      if (content) {
        const mediaType = Object.keys(content).find((k) => k === "application/json") ?? Object.keys(content).find((k) => /json/.test(k));
        if (mediaType) {
          c.mediaType = mediaType;
          c.body = exampleOf(content[mediaType]) ?? sample(doc, content[mediaType].schema ?? {});
        }
      }
      cases.push(c);
    }
  }
  return cases;
}
