// The operations of an API as the CLI offers them: from the embedded spec (parameters, request
// body, summary) joined with the SDK's meta (method, path, pagination, bulk). Each operation answers
// to its operationId and to a kebab-case alias (`ListActualTime` → `list-actual-time`).
import type { ApiMeta, OperationMeta } from "@apiforge/runtime";
import type { OpenApiDocument } from "../registry.js";

/** One parameter, with where its schema sits in the document (a JSON pointer, for the validator). */
export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  /** JSON pointer of the parameter's schema, e.g. `/paths/~1v1~1projects/get/parameters/0/schema`. */
  schemaPointer: string | undefined;
  schema: Record<string, any> | undefined;
}

/** One operation of an API. */
export interface OperationSpec {
  operationId: string;
  /** kebab-case form of the operationId. */
  alias: string;
  method: OperationMeta["method"];
  path: string;
  summary: string;
  parameters: ParameterSpec[];
  /** JSON pointer of the application/json request body schema, when the operation takes one. */
  bodyPointer: string | undefined;
  bodyRequired: boolean;
  meta: OperationMeta;
}

/** `ListActualTime` / `listClients` / `post-services-query` → `list-actual-time` / `list-clients` / `post-services-query`. */
export function kebab(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/[^a-zA-Z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** The value at a local `$ref` (`#/components/...`) and its pointer. */
function deref(doc: OpenApiDocument, node: any, pointer: string): { node: any; pointer: string } {
  let seen = 0;
  while (node && typeof node.$ref === "string" && node.$ref.startsWith("#/") && seen++ < 20) {
    pointer = node.$ref.slice(1);
    node = pointer
      .split("/")
      .slice(1)
      .reduce((n: any, part) => n?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return { node, pointer };
}

function parametersOf(doc: OpenApiDocument, path: string, method: string): ParameterSpec[] {
  const pathItem = doc.paths?.[path] ?? {};
  const base = `/paths/${escapePointer(path)}`;
  const byKey = new Map<string, ParameterSpec>();
  // path-level parameters first, then the operation's (which override by name + location)
  const lists: [any[], string][] = [
    [pathItem.parameters ?? [], `${base}/parameters`],
    [pathItem[method]?.parameters ?? [], `${base}/${method}/parameters`],
  ];
  for (const [list, at] of lists) {
    list.forEach((raw, i) => {
      const { node: p, pointer } = deref(doc, raw, `${at}/${i}`);
      if (!p?.name || !p.in) return;
      const schema = p.schema ? deref(doc, p.schema, `${pointer}/schema`) : undefined;
      byKey.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in,
        required: p.in === "path" || p.required === true,
        ...(p.description && { description: String(p.description) }),
        // keep the pointer to the schema itself (not its target) so the validator resolves refs inside
        schemaPointer: p.schema ? `${pointer}/schema` : undefined,
        schema: schema?.node,
      });
    });
  }
  return [...byKey.values()];
}

function bodyOf(doc: OpenApiDocument, path: string, method: string): { pointer: string | undefined; required: boolean } {
  const op = doc.paths?.[path]?.[method];
  if (!op?.requestBody) return { pointer: undefined, required: false };
  const { node: body, pointer } = deref(doc, op.requestBody, `/paths/${escapePointer(path)}/${method}/requestBody`);
  const media = Object.keys(body?.content ?? {}).find((m) => m === "application/json" || /\+json$/.test(m) || /json/.test(m));
  if (!media || !body.content[media].schema) return { pointer: undefined, required: body?.required === true };
  return { pointer: `${pointer}/content/${escapePointer(media)}/schema`, required: body.required === true };
}

/** Every operation of the API, in the spec's order. */
export function operationsOf(meta: ApiMeta, doc: OpenApiDocument): OperationSpec[] {
  return Object.entries(meta.operations).map(([operationId, op]) => {
    const node = doc.paths?.[op.path]?.[op.method] ?? {};
    const body = bodyOf(doc, op.path, op.method);
    return {
      operationId,
      alias: kebab(operationId),
      method: op.method,
      path: op.path,
      summary: String(node.summary ?? node.description ?? "").split("\n")[0]!.trim(),
      parameters: parametersOf(doc, op.path, op.method),
      bodyPointer: body.pointer,
      bodyRequired: body.required,
      meta: op,
    };
  });
}

/** The operation named `name` (operationId, case-sensitive, or its kebab alias). */
export function findOperation(ops: readonly OperationSpec[], name: string): OperationSpec | undefined {
  return ops.find((o) => o.operationId === name) ?? ops.find((o) => o.alias === name.toLowerCase());
}
