// Valid values read from the spec itself, so the contract suite follows the spec: the spec's own
// examples when it gives them, otherwise the smallest value its schema accepts.
import type { Obj } from "./spec.js";

/** Follows local `$ref`s (`#/components/...`) until a real node. */
export function deref(doc: Obj, node: any, depth = 0): any {
  let cur = node;
  while (cur && typeof cur === "object" && typeof cur.$ref === "string" && depth++ < 50) {
    if (!cur.$ref.startsWith("#/")) throw new Error(`External $ref "${cur.$ref}": the contract suite needs a bundled spec.`);
    cur = cur.$ref
      .slice(2)
      .split("/")
      .map((s: string) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((o: any, k: string) => o?.[k], doc);
  }
  return cur;
}

/** The first example of a media type, parameter or schema (`example`, then `examples`). */
export function exampleOf(doc: Obj, node: Obj | undefined): unknown {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  if (Array.isArray(node.examples) && node.examples.length) return node.examples[0];
  if (node.examples && typeof node.examples === "object") {
    const first = deref(doc, Object.values(node.examples)[0]) as Obj | undefined;
    if (first && "value" in first) return first.value;
  }
  return undefined;
}

const FORMATS: Record<string, string> = {
  uuid: "497f6eca-6276-4993-bfeb-53cbbbba6f08",
  date: "2025-01-01",
  "date-time": "2025-01-01T12:00:00Z",
  time: "12:00:00",
  email: "someone@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  byte: "eA==",
};

/** Properties a request must not send (readOnly) are left out of request samples. */
export type SampleMode = "request" | "response";

/** Required property names of an object schema, through $ref and allOf (readOnly ones dropped in request mode). */
export function requiredProps(doc: Obj, schemaNode: unknown, mode: SampleMode = "request"): string[] {
  const s = deref(doc, schemaNode) as Obj | undefined;
  if (!s) return [];
  const own = (s.required ?? []).filter((k: string) => !(mode === "request" && deref(doc, s.properties?.[k])?.readOnly));
  return [...own, ...(s.allOf ?? []).flatMap((p: unknown) => requiredProps(doc, p, mode))];
}

function smallestNumber(schema: Obj): number {
  if (schema.minimum !== undefined) return schema.minimum;
  if (typeof schema.exclusiveMinimum === "number") return schema.exclusiveMinimum + 1;
  if (schema.maximum !== undefined && schema.maximum < 1) return schema.maximum;
  return 1;
}

/** The smallest value `schema` accepts, preferring the spec's own examples, defaults and enums. */
export function sample(doc: Obj, schemaNode: unknown, mode: SampleMode = "request", depth = 0): unknown {
  const schema = deref(doc, schemaNode) as Obj | undefined;
  if (!schema || depth > 12) return undefined;
  const ex = exampleOf(doc, schema);
  if (ex !== undefined) return ex;
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum.find((v: unknown) => v !== null) ?? schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants)) return sample(doc, variants.find((v: Obj) => deref(doc, v)?.type !== "null") ?? variants[0], mode, depth + 1);
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((p: unknown) => sample(doc, p, mode, depth + 1));
    return parts.every((p: unknown) => p && typeof p === "object" && !Array.isArray(p)) ? Object.assign({}, ...parts) : parts[0];
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ["object"] : [];
  const type = types.find((t) => t !== "null") ?? types[0];
  switch (type) {
    case "object": {
      const out: Obj = {};
      for (const key of requiredProps(doc, { ...schema, allOf: undefined }, mode)) out[key] = sample(doc, schema.properties?.[key] ?? {}, mode, depth + 1) ?? "x";
      return out;
    }
    case "array": {
      const item = sample(doc, schema.items ?? {}, mode, depth + 1);
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
    }
    case "integer":
    case "number":
      return smallestNumber(schema);
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
