// The call in a new package's quick start (examples/quick-start.ts, type-checked by its examples
// test): a GET, preferably without path parameters, with a value for every required parameter
// (the spec's example, else its first enum value or default, else a placeholder of the schema's type),
// so the rendered example compiles against the generated types.
import { type OpenApiDoc, operations } from "../spec-doc.ts";

type Obj = Record<string, any>;

function deref(doc: OpenApiDoc, value: Obj | undefined): Obj | undefined {
  let v = value;
  for (let hops = 0; v && typeof v.$ref === "string" && v.$ref.startsWith("#/") && hops < 10; hops++) {
    v = v.$ref
      .slice(2)
      .split("/")
      .reduce<any>((node, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return v;
}

function sampleValue(doc: OpenApiDoc, param: Obj): unknown {
  const schema = deref(doc, param.schema) ?? {};
  const firstExample = param.examples && typeof param.examples === "object" ? (Object.values(param.examples)[0] as Obj | undefined)?.value : undefined;
  const given = param.example ?? firstExample ?? schema.example ?? schema.examples?.[0] ?? schema.enum?.[0] ?? schema.default;
  if (given !== undefined) return given;
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [sampleValue(doc, { schema: schema.items ?? {} })];
  return "…";
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** e.g. `GET("/books", { params: { query: { shelf: "fiction" } } })`. */
export function exampleCall(doc: OpenApiDoc): string {
  const all = operations(doc);
  const chosen = all.find((o) => o.method === "get" && !o.path.includes("{")) ?? all.find((o) => o.method === "get") ?? all[0];
  if (!chosen) return 'GET("/")';
  const item = (doc.paths?.[chosen.path] ?? {}) as Obj;
  const params = [...(item.parameters ?? []), ...(chosen.op.parameters ?? [])].map((p: Obj) => deref(doc, p)).filter((p): p is Obj => !!p);
  const groups: string[] = [];
  for (const location of ["path", "query", "header"]) {
    const required = params.filter((p) => p.in === location && (p.required || location === "path"));
    if (required.length) groups.push(`${location}: { ${required.map((p) => `${key(String(p.name))}: ${JSON.stringify(sampleValue(doc, p))}`).join(", ")} }`);
  }
  return `${chosen.method.toUpperCase()}("${chosen.path}"${groups.length ? `, { params: { ${groups.join(", ")} } }` : ""})`;
}
