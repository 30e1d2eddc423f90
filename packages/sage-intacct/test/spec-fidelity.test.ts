// The vendor's published Projects document (joined into spec/sage-intacct/openapi.yaml) against the
// seed page (spec/sage-intacct/reference/project-resources-seed.txt): the five project-resource operations
// and every field of their request and response bodies. SEED below is read off that page by hand; a test ties each of its field names
// and examples to the page's text, so neither side can drift without a failure naming the field.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SPEC = new URL("../../../spec/sage-intacct/openapi.yaml", import.meta.url);
const SEED = new URL("../../../spec/sage-intacct/reference/project-resources-seed.txt", import.meta.url);

type Obj = Record<string, any>;
type Field = { type: "string" | "number"; nullable: boolean; format?: string; example: string | number };
type Group = { required?: boolean; fields: Record<string, Field> };

/** The page's five operations: method, path, success status, and the documented errors. */
const OPERATIONS = [
  { method: "get", path: "/objects/projects/project-resource", summary: "List project resources", status: "200" },
  { method: "post", path: "/objects/projects/project-resource", summary: "Create a project resource", status: "201" },
  { method: "get", path: "/objects/projects/project-resource/{key}", summary: "Get a project resource", status: "200" },
  { method: "patch", path: "/objects/projects/project-resource/{key}", summary: "Update a project resource", status: "200" },
  { method: "delete", path: "/objects/projects/project-resource/{key}", summary: "Delete a project resource", status: "204" },
] as const;

const s = (example: string, format?: string): Field => ({ type: "string", nullable: true, example, ...(format && { format }) });
const n = (example: number): Field => ({ type: "number", nullable: true, example });

/** The writable request-body fields the page lists for create and update, top level and nested. */
const BODY: Record<string, Field | Group> = {
  description: s("Hourly resource"),
  startDate: s("2025-04-01", "date"),
  employee: { fields: { key: s("244"), id: s("jsmith") } },
  item: { fields: { key: s("23"), id: s("B002") } },
  pricing: { fields: { laborRate: n(10), expenseRate: n(120), apPurchasingRate: n(100) } },
  // the page marks `project` required on create; its key and id are not nullable
  project: { required: true, fields: { key: { type: "string", nullable: false, example: "23" }, id: { type: "string", nullable: false, example: "P-0045" } } },
};

/** Top-level fields of the page's "Get a project resource" response sample. */
const RECORD_FIELDS = ["id", "key", "audit", "project", "employee", "employeeContact", "item", "description", "startDate", "pricing", "entity", "href"];
const PRICING_METHODS = ["laborPricingMethod", "expensePricingMethod", "apPurchasingPricingMethod"];

function deref(doc: Obj, node: Obj | undefined): Obj | undefined {
  let cur = node;
  for (let i = 0; cur?.$ref && i < 20; i++) cur = cur.$ref.slice(2).split("/").reduce((o: Obj, k: string) => o?.[k], doc);
  return cur;
}

/** Properties of a schema, through allOf; `required` collects the names any part requires. */
function flatten(doc: Obj, schema: Obj | undefined): { props: Record<string, Obj>; required: Set<string> } {
  const sch = deref(doc, schema) ?? {};
  const props: Record<string, Obj> = {};
  const required = new Set<string>(sch.required ?? []);
  for (const part of sch.allOf ?? []) {
    const sub = flatten(doc, part);
    Object.assign(props, sub.props);
    for (const r of sub.required) required.add(r);
  }
  for (const [k, v] of Object.entries(sch.properties ?? {})) props[k] = deref(doc, v as Obj) ?? {};
  return { props, required };
}

function bodySchema(doc: Obj, method: string, path: string): Obj | undefined {
  return doc.paths?.[path]?.[method]?.requestBody?.content?.["application/json"]?.schema;
}

/** Every way the spec departs from the page, as readable lines (empty when faithful). */
export function differences(doc: Obj): string[] {
  const out: string[] = [];
  for (const op of OPERATIONS) {
    const o = doc.paths?.[op.path]?.[op.method];
    const where = `${op.method.toUpperCase()} ${op.path}`;
    if (!o) {
      out.push(`${where}: missing`);
      continue;
    }
    if (o.summary !== op.summary) out.push(`${where}: summary "${o.summary}", page says "${op.summary}"`);
    for (const status of [op.status, "400"]) if (!o.responses?.[status]) out.push(`${where}: no ${status} response`);
    if (op.path.endsWith("{key}")) {
      const key = [...(doc.paths[op.path].parameters ?? []), ...(o.parameters ?? [])].map((p: Obj) => deref(doc, p)).find((p) => p?.name === "key");
      if (key?.in !== "path" || key.required !== true || deref(doc, key.schema)?.type !== "string") out.push(`${where}: path parameter key must be a required string`);
    }
  }
  for (const [method, path] of [["post", OPERATIONS[1].path], ["patch", OPERATIONS[3].path]] as const) {
    const where = `${method.toUpperCase()} ${path} body`;
    const { props, required } = flatten(doc, bodySchema(doc, method, path));
    const writable = Object.keys(props).filter((k) => !props[k]!.readOnly);
    for (const extra of writable.filter((k) => !(k in BODY))) out.push(`${where}: writable field ${extra} is not on the page`);
    for (const [name, want] of Object.entries(BODY)) {
      const got = props[name];
      if (!got) {
        out.push(`${where}: no field ${name}`);
        continue;
      }
      if ("fields" in want) {
        if (method === "post" && Boolean(want.required) !== required.has(name)) out.push(`${where}: ${name} ${want.required ? "must be" : "must not be"} required`);
        const inner = flatten(doc, got).props;
        const innerWritable = Object.keys(inner).filter((k) => !inner[k]!.readOnly);
        for (const extra of innerWritable.filter((k) => !(k in want.fields))) out.push(`${where}: writable field ${name}.${extra} is not on the page`);
        for (const [k, f] of Object.entries(want.fields)) compareField(out, `${where}: ${name}.${k}`, inner[k], f);
      } else compareField(out, `${where}: ${name}`, got, want);
    }
  }
  const record = flatten(doc, doc.paths?.[OPERATIONS[2].path]?.get?.responses?.["200"]?.content?.["application/json"]?.schema).props["ia::result"];
  const fields = flatten(doc, record).props;
  for (const f of RECORD_FIELDS) if (!(f in fields)) out.push(`GET ${OPERATIONS[2].path} response: no field ${f}`);
  const pricing = flatten(doc, fields.pricing).props;
  for (const f of PRICING_METHODS) if (!pricing[f]?.readOnly) out.push(`GET ${OPERATIONS[2].path} response: pricing.${f} must be a read-only field`);
  return out;
}

function compareField(out: string[], where: string, got: Obj | undefined, want: Field): void {
  if (!got) return void out.push(`${where}: missing`);
  if (got.type !== want.type) out.push(`${where}: type ${got.type}, page says ${want.type}`);
  if (Boolean(got.nullable) !== want.nullable) out.push(`${where}: ${want.nullable ? "must" : "must not"} be nullable`);
  if ((got.format ?? undefined) !== want.format) out.push(`${where}: format ${got.format ?? "none"}, page says ${want.format ?? "none"}`);
  if (got.example !== want.example) out.push(`${where}: example ${JSON.stringify(got.example)}, page says ${JSON.stringify(want.example)}`);
}

const doc = JSON.parse(readFileSync(SPEC, "utf8")) as Obj;

describe("Sage Intacct project resources: the vendor document against the seed page", () => {
  it("matches the page field by field", () => {
    expect(differences(doc)).toEqual([]);
  });

  it("reads every expectation off the page (names, summaries and examples appear in its text)", () => {
    const page = readFileSync(SEED, "utf8");
    const missing: string[] = [];
    for (const op of OPERATIONS) if (!page.includes(`${op.method}${op.path}`) || !page.includes(op.summary)) missing.push(`${op.method} ${op.path}`);
    for (const [name, want] of Object.entries(BODY)) {
      const fields = "fields" in want ? Object.entries(want.fields) : [[name, want] as const];
      for (const [k, f] of fields) {
        const type = `${f.type}${f.nullable ? " or null" : ""}${f.format ? ` <${f.format}>` : ""}`;
        if (!page.includes(`${k}\n${type}`)) missing.push(`${name}.${k} as "${type}"`);
        if (!page.includes(`Example: ${JSON.stringify(f.example)}`)) missing.push(`${name}.${k} example ${JSON.stringify(f.example)}`);
      }
    }
    for (const f of [...RECORD_FIELDS, ...PRICING_METHODS]) if (!page.includes(`"${f}":`)) missing.push(`response field ${f}`);
    expect(missing).toEqual([]);
  });

  // Each mutation is a way the document could drift from the page; the check must name it.
  const mutations: [string, (d: Obj) => void, RegExp][] = [
    ["an operation removed", (d) => delete d.paths[OPERATIONS[4].path].delete, /DELETE .* missing/],
    ["a success status changed", (d) => delete d.paths[OPERATIONS[1].path].post.responses["201"], /no 201 response/],
    ["a body field renamed", (d) => renameProp(d, "startDate", "beginDate"), /no field startDate/],
    ["a nested field made non-nullable", (d) => (target(d).properties.pricing.properties.laborRate.nullable = false), /pricing\.laborRate: must be nullable/],
    ["a nested field's type changed", (d) => (target(d).properties.item.properties.id.type = "integer"), /item\.id: type integer/],
    ["the date format dropped", (d) => delete target(d).properties.startDate.format, /startDate: format none/],
    ["project no longer required", (d) => (d.components.schemas["projects-project-resourceRequiredProperties"].required = []), /project must be required/],
    ["a writable field added", (d) => (target(d).properties.pricing.properties.discount = { type: "number" }), /pricing\.discount is not on the page/],
    ["a read-only field made writable", (d) => delete target(d).properties.pricing.properties.laborPricingMethod.readOnly, /laborPricingMethod/],
    ["an example changed", (d) => (target(d).properties.employee.properties.id.example = "ajones"), /employee\.id: example "ajones"/],
  ];
  it.each(mutations)("catches %s", (_name, mutate, expected) => {
    const copy = structuredClone(doc);
    mutate(copy);
    expect(differences(copy).join("\n")).toMatch(expected);
  });
});

function target(d: Obj): Obj {
  return d.components.schemas["objects.projects.project-resource"];
}
function renameProp(d: Obj, from: string, to: string): void {
  const props = target(d).properties;
  props[to] = props[from];
  delete props[from];
}
