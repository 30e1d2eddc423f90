// Where an operation's request body schema is in the spec, and what one import row stands for: the
// whole body, or one entry of a bulk operation's array (the body itself, or its `bulk.field`).
// Positions are JSON pointers into the document, so ajv resolves every `$ref` against the spec.
import type { OperationMeta } from "@apiforge/runtime";
import { UsageError } from "../context.js";
import type { OpenApiDocument } from "../registry.js";

type Node = Record<string, any>;

/** What an import row is checked against and sent as. */
export interface RowTarget {
  /** JSON pointer (with `#`) of the schema one row must match. */
  rowSchema: string;
  /** The row schema's own node (refs followed), for coercing cells. */
  rowNode: Node;
  /** Path parameter names of the operation (filled from `--param` or from columns of the same name). */
  pathParams: string[];
  /** The media type the body is sent as. */
  contentType: string;
}

const pointerEscape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const pointerUnescape = (segment: string) => segment.replace(/~1/g, "/").replace(/~0/g, "~");

/** The node at a `#/a/b` pointer, or undefined. */
export function nodeAt(doc: Node, pointer: string): Node | undefined {
  let node: any = doc;
  for (const segment of pointer.replace(/^#\/?/, "").split("/").filter(Boolean)) {
    node = node?.[pointerUnescape(segment)];
    if (node === undefined) return undefined;
  }
  return node;
}

/** Follows local `$ref`s from `pointer` to the node they end at; returns its pointer. */
export function follow(doc: Node, pointer: string): string {
  for (let hops = 0; hops < 32; hops++) {
    const node = nodeAt(doc, pointer);
    const ref = node?.$ref;
    if (typeof ref !== "string" || !ref.startsWith("#")) return pointer;
    pointer = ref;
  }
  throw new Error(`$ref cycle at ${pointer}`);
}

/** Resolves what one row of an import into `operationId` is, or throws a UsageError naming the problem. */
export function rowTarget(doc: OpenApiDocument, operationId: string, op: OperationMeta): RowTarget {
  const opPointer = `#/paths/${pointerEscape(op.path)}/${op.method}`;
  const operation = nodeAt(doc, opPointer);
  if (!operation) throw new UsageError(`The spec has no ${op.method.toUpperCase()} ${op.path} for ${operationId}.`);
  const bodyPointer = operation.requestBody ? follow(doc, `${opPointer}/requestBody`) : undefined;
  const content: Node | undefined = bodyPointer ? nodeAt(doc, bodyPointer)?.content : undefined;
  const contentType = content && (Object.keys(content).find((t) => t === "application/json") ?? Object.keys(content).find((t) => /[/+]json\b/.test(t)));
  if (!contentType || !bodyPointer) {
    throw new UsageError(`${operationId} takes no JSON request body, so there is nothing to import into it.`, "Pick a create or update operation (`apiforge <api> list` shows them).");
  }
  let rowSchema = follow(doc, `${bodyPointer}/content/${pointerEscape(contentType)}/schema`);
  if (op.bulk) {
    // one row = one entry of the array the meta marks as bulk
    const array = op.bulk.field ? follow(doc, `${rowSchema}/properties/${pointerEscape(op.bulk.field)}`) : rowSchema;
    rowSchema = follow(doc, `${array}/items`);
  }
  const rowNode = nodeAt(doc, rowSchema);
  if (!rowNode) throw new UsageError(`The request schema of ${operationId} could not be found in the spec (${rowSchema}).`);
  const pathParams = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return { rowSchema, rowNode, pathParams, contentType };
}

/** The schema of property `name` of `node` (through `$ref` and `allOf`), with refs followed. */
export function propertySchema(doc: Node, node: Node | undefined, name: string): Node | undefined {
  if (!node) return undefined;
  const deref = (n: Node | undefined): Node | undefined => (n && typeof n.$ref === "string" ? nodeAt(doc, follow(doc, n.$ref)) : n);
  const own = deref(node);
  const direct = deref(own?.properties?.[name]);
  if (direct) return direct;
  for (const part of (own?.allOf ?? []) as Node[]) {
    const found = propertySchema(doc, part, name);
    if (found) return found;
  }
  return undefined;
}

/** Whether a schema node's type includes `type` (3.0 single type or 3.1 type arrays). */
export function hasType(node: Node | undefined, type: string): boolean {
  const t = node?.type;
  return Array.isArray(t) ? t.includes(type) : t === type;
}
