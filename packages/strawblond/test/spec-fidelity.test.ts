// Checks the project resource of spec/strawblond/openapi.yaml field by field against the vendor's
// project reference page (a stored copy of developers.strawblond.com/reference/project.html):
// its 12 filters, 7 sorts, 15 includes, the create and update attribute tables (with the `*`
// required ones), the retrieve example's fields, and POST /project/{id}/merge with its 403.
// The page is parsed here, not retyped, and every difference is collected so one run lists them all.
// It also checks the labels every operation must carry (x-strawblond-coverage / -inferred).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Paths relative to this file (packages/strawblond/test/).
const SPEC_PATH = "../../../spec/strawblond/openapi.yaml";
const SEED_PATH = "../../../spec/strawblond/reference/002_270c3476725825f1.txt";

type Obj = Record<string, any>;
const here = path.dirname(fileURLToPath(import.meta.url));
const specDoc: Obj = parse(readFileSync(path.resolve(here, SPEC_PATH), "utf8"));
/** A fresh copy of the spec, so a mutation test cannot leak into another. */
const loadSpec = (): Obj => structuredClone(specDoc);
const seedText = readFileSync(path.resolve(here, SEED_PATH), "utf8");

// ---------------------------------------------------------------- the reference page, parsed

interface Filter { name: string; type: string }
interface Attribute { name: string; type: string; required: boolean; nullable: boolean }
interface Seed {
  filters: Filter[];
  sorts: string[];
  includes: string[];
  create: Attribute[];
  update: Attribute[];
  retrieve: Obj;
  statuses: Record<string, string>;
  merge: { attributes: Attribute[]; forbidden: boolean; status: string; example: Obj };
}

const FILTER_TYPES = ["Key,String", "DateRange", "NumberRange", "Boolean", "String", "Id"];
const ATTRIBUTE_TYPES = ["String", "Number", "Date", "Array", "Boolean", "Object"];

/** Lines after the first line equal to `start`, up to (not including) the first blank line. */
function block(lines: string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < lines.length && lines[i]!.trim() !== ""; i++) out.push(lines[i]!);
  return out;
}

function indexAfter(lines: string[], ...sequence: string[]): number {
  for (let i = 0; i + sequence.length <= lines.length; i++) {
    if (sequence.every((s, k) => lines[i + k]!.trim() === s)) return i + sequence.length;
  }
  throw new Error(`reference page: section ${sequence.join(" / ")} not found`);
}

// The page's tables lost their column separators ("contactIdFilter by Contact Id"); names are
// lower_snake_case and types are a closed list, so name | type | description splits unambiguously.
function parseFilter(line: string): Filter {
  const m = new RegExp(`^([a-z_]+)(${FILTER_TYPES.join("|")})`).exec(line);
  if (!m) throw new Error(`reference page: cannot read filter row "${line}"`);
  return { name: m[1]!, type: m[2]! };
}

function parseAttribute(line: string): Attribute {
  const m = new RegExp(`^([a-z_]+)( \\*)?(${ATTRIBUTE_TYPES.join("|")})(\\?)?`).exec(line);
  if (!m) throw new Error(`reference page: cannot read attribute row "${line}"`);
  return { name: m[1]!, required: Boolean(m[2]), type: m[3]!, nullable: Boolean(m[4]) };
}

const HEADER = "Attribute (* required)TypeDescription";

function parseSeed(text: string): Seed {
  const lines = text.split("\n");
  const filters = block(lines, indexAfter(lines, "FilterTypeDescription")).map(parseFilter);
  const list = (title: string) => lines[indexAfter(lines, title, "")]!.split(",").map((s) => s.trim());
  const create = block(lines, indexAfter(lines, "post", "/project", HEADER)).map(parseAttribute);
  const update = block(lines, indexAfter(lines, "put", "/project/{id}", HEADER)).map(parseAttribute);
  const mergeAt = indexAfter(lines, "post", "/project/{id}/merge");
  const merge = block(lines, indexAfter(lines.slice(mergeAt), HEADER) + mergeAt).map(parseAttribute);

  // retrieve example: the JSON after "// HTTP 200 OK" up to the closing brace, minus `//` comments
  const start = indexAfter(lines, "get", "/project/{id}", "", "Example response", "", "json", "// HTTP 200 OK");
  const end = lines.indexOf("}", start);
  const json = lines.slice(start, end + 1).filter((l) => !l.trim().startsWith("//")).join("\n");

  // the status each section's example response shows, by "METHOD path"
  const statuses: Record<string, string> = {};
  for (let i = 0; i < lines.length - 1; i++) {
    if (/^(get|post|put|delete)$/.test(lines[i]!.trim()) && lines[i + 1]!.startsWith("/project")) {
      const key = `${lines[i]!.trim()} ${lines[i + 1]!.trim()}`;
      const status = lines.slice(i + 2).find((l) => /^\/\/ HTTP \d{3}/.test(l.trim()) || /^(get|post|put|delete)$/.test(l.trim()));
      const m = status && /HTTP (\d{3})/.exec(status);
      if (m) statuses[key] = m[1]!;
    }
  }
  const mergeText = lines.slice(mergeAt).join("\n");
  const requestAt = indexAfter(lines.slice(mergeAt), "Example request", "", "json") + mergeAt;
  const mergeExample = JSON.parse(lines.slice(requestAt, lines.indexOf("}", requestAt) + 1).join("\n"));
  return {
    filters,
    sorts: list("Sorting"),
    includes: list("Includes"),
    create,
    update,
    retrieve: JSON.parse(json),
    statuses,
    merge: {
      attributes: merge,
      forbidden: /supervise project permission[\s\S]*403 Forbidden/.test(mergeText),
      status: /HTTP (\d{3})/.exec(mergeText)?.[1] ?? "",
      example: mergeExample,
    },
  };
}

const seed = parseSeed(seedText);

// ---------------------------------------------------------------- spec helpers

/** Follows $ref chains; sibling keywords next to a $ref (3.1) are kept and win over the target's. */
function resolve(doc: Obj, node: unknown): Obj {
  let cur = (node ?? {}) as Obj;
  for (let i = 0; typeof cur.$ref === "string" && i < 20; i++) {
    const { $ref, ...siblings } = cur;
    const target = $ref.slice(2).split("/").reduce((o: Obj | undefined, k: string) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc) ?? {};
    cur = { ...target, ...siblings };
  }
  return cur;
}

/** JSON type and nullability of a schema: `type: [x, "null"]` or `anyOf: [x, {type: null}]`. */
function typeOf(doc: Obj, node: unknown): { type: string; nullable: boolean; schema: Obj } {
  const s = resolve(doc, node);
  if (Array.isArray(s.type)) {
    const rest = s.type.filter((t: string) => t !== "null");
    return { type: rest.length === 1 ? rest[0] : rest.join("|"), nullable: s.type.includes("null"), schema: s };
  }
  if (typeof s.type === "string") return { type: s.type, nullable: false, schema: s };
  const branches: unknown[] | undefined = s.anyOf ?? s.oneOf;
  if (branches) {
    const isNull = (b: unknown) => resolve(doc, b).type === "null";
    const rest = branches.filter((b) => !isNull(b));
    const inner = rest.length === 1 ? typeOf(doc, rest[0]) : { type: "any", nullable: false, schema: s };
    return { ...inner, nullable: inner.nullable || branches.some(isNull) };
  }
  if (s.allOf) return { type: "object", nullable: false, schema: s };
  return { type: "any", nullable: false, schema: s };
}

const refName = (node: unknown): string | undefined => {
  const r = (node as Obj | undefined)?.$ref;
  return typeof r === "string" ? r.split("/").pop() : undefined;
};

function operation(doc: Obj, method: string, p: string): Obj | undefined {
  return doc.paths?.[p]?.[method];
}

function queryParam(doc: Obj, op: Obj | undefined, name: string): Obj | undefined {
  return (op?.parameters ?? []).map((q: unknown) => resolve(doc, q)).find((q: Obj) => q.name === name && q.in === "query");
}

function bodySchema(doc: Obj, op: Obj | undefined): unknown {
  return resolve(doc, op?.requestBody).content?.["application/json"]?.schema;
}

function responseSchema(doc: Obj, op: Obj | undefined, code: string): unknown {
  return resolve(doc, op?.responses?.[code]).content?.["application/json"]?.schema;
}

// ---------------------------------------------------------------- the comparison

/** What a page type means in the spec; returns a problem or null. */
function filterTypeProblem(doc: Obj, schema: unknown, type: string): string | null {
  const named = refName(schema);
  const t = typeOf(doc, schema);
  switch (type) {
    case "String":
      return t.type === "string" && !named ? null : `is ${named ?? t.type}, page says String`;
    case "Boolean":
      return t.type === "boolean" ? null : `is ${named ?? t.type}, page says Boolean`;
    case "Id":
      return named === "Id" ? null : `is ${named ?? t.type}, page says Id (a $ref to the Id schema)`;
    case "Key,String":
      return named === "CustomFieldFilter" ? null : `is ${named ?? t.type}, page says Key,String (CustomFieldFilter)`;
    default:
      return named === type ? null : `is ${named ?? t.type}, page says ${type}`;
  }
}

const ATTRIBUTE_JSON: Record<string, string> = { String: "string", Number: "number", Date: "string", Array: "array", Boolean: "boolean", Object: "object" };

function compareAttributes(doc: Obj, schemaNode: unknown, attributes: Attribute[], where: string, diffs: string[]): void {
  const schema = resolve(doc, schemaNode);
  const props: Obj = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  for (const a of attributes) {
    const prop = props[a.name];
    if (!prop) {
      diffs.push(`${where}: attribute ${a.name} is missing`);
      continue;
    }
    const t = typeOf(doc, prop);
    if (t.type !== ATTRIBUTE_JSON[a.type]) diffs.push(`${where}: attribute ${a.name} has type ${t.type}, page says ${a.type}`);
    if (a.type === "Date" && t.schema.format !== "date") diffs.push(`${where}: attribute ${a.name} should have format date (page says Date)`);
    if (t.nullable !== a.nullable) diffs.push(`${where}: attribute ${a.name} nullable=${t.nullable}, page says ${a.nullable}`);
    if (required.has(a.name) !== a.required) diffs.push(`${where}: attribute ${a.name} required=${required.has(a.name)}, page says ${a.required}`);
  }
  for (const name of Object.keys(props)) {
    if (!attributes.some((a) => a.name === name)) diffs.push(`${where}: attribute ${name} is not on the page`);
  }
}

function jsonKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return "number";
  return typeof value;
}

function compareRetrieve(doc: Obj, diffs: string[]): void {
  const op = operation(doc, "get", "/project/{id}");
  const schemaNode = responseSchema(doc, op, "200");
  if (!schemaNode) return void diffs.push("GET /project/{id}: response 200 has no JSON schema");
  const props: Obj = resolve(doc, schemaNode).properties ?? {};
  for (const [field, value] of Object.entries(seed.retrieve)) {
    const prop = props[field];
    if (!prop) {
      diffs.push(`Project: retrieve field ${field} is missing`);
      continue;
    }
    const t = typeOf(doc, prop);
    const kind = jsonKind(value);
    if (kind === "null" && !t.nullable) diffs.push(`Project: retrieve field ${field} is null in the example but not nullable`);
    if (kind === "number" && t.type !== "number" && t.type !== "integer") diffs.push(`Project: retrieve field ${field} has type ${t.type}, example is a number`);
    if (!["null", "number"].includes(kind) && t.type !== kind) diffs.push(`Project: retrieve field ${field} has type ${t.type}, example is ${kind}`);
  }
  const example: Obj = resolve(doc, op?.responses?.["200"]).content?.["application/json"]?.example ?? {};
  for (const [field, value] of Object.entries(seed.retrieve)) {
    if (!(field in example)) diffs.push(`GET /project/{id}: example lacks the page's field ${field}`);
    else if ((value === null || typeof value !== "object") && example[field] !== value) diffs.push(`GET /project/{id}: example ${field} is ${JSON.stringify(example[field])}, page shows ${JSON.stringify(value)}`);
  }
}

function compareQuery(doc: Obj, diffs: string[]): void {
  const list = operation(doc, "get", "/project");
  const filter = queryParam(doc, list, "filter");
  if (!filter) diffs.push("GET /project: query parameter filter is missing");
  else {
    if (filter.style !== "deepObject" || filter.explode !== true) diffs.push(`GET /project: filter must be style deepObject, explode true (is ${filter.style}/${filter.explode})`);
    const schema = resolve(doc, filter.schema);
    const props: Obj = schema.properties ?? {};
    if (schema.additionalProperties !== false) diffs.push("GET /project: filter schema must refuse unknown keys (additionalProperties: false)");
    for (const f of seed.filters) {
      if (!props[f.name]) diffs.push(`GET /project: filter ${f.name} is missing`);
      else {
        const problem = filterTypeProblem(doc, props[f.name], f.type);
        if (problem) diffs.push(`GET /project: filter ${f.name} ${problem}`);
      }
    }
    for (const name of Object.keys(props)) if (!seed.filters.some((f) => f.name === name)) diffs.push(`GET /project: filter ${name} is not on the page`);
  }

  const sort = queryParam(doc, list, "sort");
  const wantSorts = seed.sorts.flatMap((s) => [s, `-${s}`]);
  const gotSorts: string[] = resolve(doc, sort?.schema).enum ?? [];
  for (const s of wantSorts) if (!gotSorts.includes(s)) diffs.push(`GET /project: sort value ${s} is missing`);
  for (const s of gotSorts) if (!wantSorts.includes(s)) diffs.push(`GET /project: sort value ${s} is not on the page`);

  for (const [method, p] of [["get", "/project"], ["get", "/project/{id}"]] as const) {
    const include = queryParam(doc, operation(doc, method, p), "include");
    if (!include) {
      diffs.push(`${method.toUpperCase()} ${p}: query parameter include is missing`);
      continue;
    }
    if (include.style !== "form" || include.explode !== false) diffs.push(`${method.toUpperCase()} ${p}: include must be style form, explode false (comma-joined), is ${include.style}/${include.explode}`);
    const schema = resolve(doc, include.schema);
    if (schema.type !== "array") diffs.push(`${method.toUpperCase()} ${p}: include must be an array`);
    const got: string[] = resolve(doc, schema.items).enum ?? [];
    for (const i of seed.includes) if (!got.includes(i)) diffs.push(`${method.toUpperCase()} ${p}: include ${i} is missing`);
    for (const i of got) if (!seed.includes.includes(i)) diffs.push(`${method.toUpperCase()} ${p}: include ${i} is not on the page`);
  }
}

function compareOperations(doc: Obj, diffs: string[]): void {
  for (const [key, status] of Object.entries(seed.statuses)) {
    const [method, p] = key.split(" ") as [string, string];
    const op = operation(doc, method, p);
    if (!op) diffs.push(`${method.toUpperCase()} ${p}: operation is missing`);
    else if (!op.responses?.[status]) diffs.push(`${method.toUpperCase()} ${p}: response ${status} is missing (the page shows HTTP ${status})`);
    else if (op["x-strawblond-coverage"] !== "full") diffs.push(`${method.toUpperCase()} ${p}: coverage ${op["x-strawblond-coverage"]}, but the page documents it fully`);
  }
  // "List projects ... returns a paginated array of the same project object in the data property"
  const list = operation(doc, "get", "/project");
  const data = resolve(doc, resolve(doc, responseSchema(doc, list, "200")).properties?.data);
  if (data.type !== "array" || refName(data.items) !== "Project") diffs.push("GET /project: response 200 must carry project objects in data");
  if (!queryParam(doc, list, "page")) diffs.push("GET /project: query parameter page is missing");
  compareAttributes(doc, bodySchema(doc, operation(doc, "post", "/project")), seed.create, "POST /project body", diffs);
  compareAttributes(doc, bodySchema(doc, operation(doc, "put", "/project/{id}")), seed.update, "PUT /project/{id} body", diffs);
}

function compareMerge(doc: Obj, diffs: string[]): void {
  const op = operation(doc, "post", "/project/{id}/merge");
  if (!op) return void diffs.push("POST /project/{id}/merge: operation is missing");
  compareAttributes(doc, bodySchema(doc, op), seed.merge.attributes, "POST /project/{id}/merge body", diffs);
  if (!op.responses?.[seed.merge.status]) diffs.push(`POST /project/{id}/merge: response ${seed.merge.status} is missing`);
  else if (refName(responseSchema(doc, op, seed.merge.status)) !== "Project") diffs.push("POST /project/{id}/merge: response 200 should be the (target) Project");
  if (seed.merge.forbidden) {
    const forbidden = resolve(doc, op.responses?.["403"]);
    if (!op.responses?.["403"]) diffs.push("POST /project/{id}/merge: response 403 (user lacks the supervise project permission) is missing");
    else if (!forbidden.content?.["application/json"]) diffs.push("POST /project/{id}/merge: response 403 has no JSON body");
    if (!/supervise project/i.test(op.description ?? "")) diffs.push("POST /project/{id}/merge: description does not name the supervise project permission");
  }
  if (op["x-strawblond-coverage"] !== "full") diffs.push(`POST /project/{id}/merge: coverage ${op["x-strawblond-coverage"]}, but the page documents it fully`);
  const example = resolve(doc, bodySchema(doc, op)).examples?.[0];
  if (JSON.stringify(example) !== JSON.stringify(seed.merge.example)) diffs.push(`POST /project/{id}/merge: request example ${JSON.stringify(example)} differs from the page's ${JSON.stringify(seed.merge.example)}`);
}

/** Every id the page prints must fit the spec's Id schema (a 10-character hash id). */
function compareIds(doc: Obj, diffs: string[]): void {
  const pattern = resolve(doc, doc.components?.schemas?.Id).pattern;
  if (typeof pattern !== "string") return void diffs.push("schema Id has no pattern");
  const ids = [seed.retrieve.id, seed.retrieve.company_id, seed.merge.example.target_project_id];
  for (const id of ids) if (!new RegExp(pattern).test(id)) diffs.push(`schema Id: pattern ${pattern} rejects the page's id ${id}`);
  for (const wrong of ["EO6YGvqMR", "EO6YGvqMRV1", "EO6YGvqM-V"]) if (new RegExp(pattern).test(wrong)) diffs.push(`schema Id: pattern ${pattern} accepts ${wrong}, which is not a 10-character hash id`);
}

const COVERAGE = new Set(["full", "partial", "path-only"]);
const METHODS = new Set(["get", "put", "post", "delete", "patch"]);

function checkLabels(doc: Obj, diffs: string[]): void {
  const ids = new Map<string, string>();
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Obj).filter(([m]) => METHODS.has(m)) as [string, Obj][]) {
      const where = `${method.toUpperCase()} ${p}`;
      if (!COVERAGE.has(op["x-strawblond-coverage"])) diffs.push(`${where}: x-strawblond-coverage must be full, partial or path-only`);
      const inferred = op["x-strawblond-inferred"];
      if (!Array.isArray(inferred) || inferred.some((s) => typeof s !== "string")) diffs.push(`${where}: x-strawblond-inferred must be a list of strings`);
      if (!/^[a-z][A-Za-z0-9]*$/.test(op.operationId ?? "")) diffs.push(`${where}: operationId ${op.operationId} is not camelCase`);
      else if (ids.has(op.operationId)) diffs.push(`${where}: operationId ${op.operationId} is also used by ${ids.get(op.operationId)}`);
      else ids.set(op.operationId, where);
    }
  }
}

/** Every difference between the spec's project resource and the reference page, as readable lines. */
function specDiffs(doc: Obj): string[] {
  const diffs: string[] = [];
  compareQuery(doc, diffs);
  compareOperations(doc, diffs);
  compareRetrieve(doc, diffs);
  compareMerge(doc, diffs);
  compareIds(doc, diffs);
  checkLabels(doc, diffs);
  return diffs;
}

// ---------------------------------------------------------------- tests

describe("the reference page copy", () => {
  it("parses into 12 filters, 7 sorts, 15 includes, 10 create / 10 update attributes, 26 retrieve fields and the merge section", () => {
    expect([seed.filters.length, seed.sorts.length, seed.includes.length, seed.create.length, seed.update.length, Object.keys(seed.retrieve).length]).toEqual([12, 7, 15, 10, 10, 26]);
    expect(seed.create.filter((a) => a.required).map((a) => a.name)).toEqual(["name", "company_id", "member_id", "starts_at"]);
    expect(seed.update.some((a) => a.required)).toBe(false);
    expect(seed.merge).toEqual({
      attributes: [
        { name: "target_project_id", type: "String", required: true, nullable: false },
        { name: "move_sub_projects", type: "Boolean", required: false, nullable: false },
      ],
      forbidden: true,
      status: "200",
      example: { target_project_id: "PQYLdqm4wR", move_sub_projects: true },
    });
  });

  it("reads the run-together filter names as the page means them: contact and company, each of type Id", () => {
    expect(seed.filters.filter((f) => f.type === "Id")).toEqual([
      { name: "contact", type: "Id" },
      { name: "company", type: "Id" },
    ]);
    expect(seed.filters.find((f) => f.name === "custom_field")).toEqual({ name: "custom_field", type: "Key,String" });
  });
});

describe("spec fidelity: the project resource against its reference page", () => {
  it("has no differences", () => {
    expect(specDiffs(loadSpec())).toEqual([]);
  });

  const P = "/project";
  const P_ID = "/project/{id}";
  const filterOf = (d: Obj) => d.components.schemas.ProjectFilter;
  const cases: [string, (d: Obj) => void, RegExp][] = [
    ["filter dropped", (d) => delete filterOf(d).properties.involved, /filter involved is missing/],
    ["filter not on the page", (d) => (filterOf(d).properties.contactId = { type: "string" }), /filter contactId is not on the page/],
    ["filter type (Id as a plain string)", (d) => (filterOf(d).properties.company = { type: "string" }), /filter company is string, page says Id/],
    ["filter type (Boolean as string)", (d) => (filterOf(d).properties.own = { type: "string" }), /filter own is string, page says Boolean/],
    ["filter open to unknown keys", (d) => delete filterOf(d).additionalProperties, /additionalProperties: false/],
    ["filter style", (d) => (d.paths[P].get.parameters.find((p: Obj) => p.name === "filter").style = "form"), /filter must be style deepObject/],
    ["descending sort missing", (d) => d.components.schemas.ProjectSort.enum.splice(d.components.schemas.ProjectSort.enum.indexOf("-budget_used"), 1), /sort value -budget_used is missing/],
    ["sort not on the page", (d) => d.components.schemas.ProjectSort.enum.push("updated_at"), /sort value updated_at is not on the page/],
    ["include missing", (d) => d.components.schemas.ProjectInclude.enum.pop(), /include assignedMembers\.user\.media is missing/],
    ["include exploded", (d) => (d.paths[P_ID].get.parameters.find((p: Obj) => p.name === "include").explode = true), /GET \/project\/\{id\}: include must be style form, explode false/],
    ["create attribute missing", (d) => delete d.components.schemas.CreateProject.properties.costs_limit, /POST \/project body: attribute costs_limit is missing/],
    ["create required dropped", (d) => (d.components.schemas.CreateProject.required = ["name", "company_id", "member_id"]), /attribute starts_at required=false, page says true/],
    ["create attribute type", (d) => (d.components.schemas.CreateProject.properties.costs_limit.type = "string"), /attribute costs_limit has type string, page says Number/],
    ["date without format", (d) => delete d.components.schemas.CreateProject.properties.starts_at.format, /attribute starts_at should have format date/],
    ["custom_fields not nullable", (d) => (d.components.schemas.CreateProject.properties.custom_fields = { $ref: "#/components/schemas/CustomFields" }), /attribute custom_fields nullable=false, page says true/],
    ["update marks a field required", (d) => (d.components.schemas.UpdateProject.required = ["name"]), /PUT \/project\/\{id\} body: attribute name required=true, page says false/],
    ["retrieve field missing", (d) => delete d.components.schemas.Project.properties.is_ongoing, /retrieve field is_ongoing is missing/],
    ["retrieve null not nullable", (d) => (d.components.schemas.Project.properties.due_at = { type: "string", format: "date-time" }), /retrieve field due_at is null in the example but not nullable/],
    ["retrieve field type", (d) => (d.components.schemas.Project.properties.times_count = { type: "string" }), /retrieve field times_count has type string, example is a number/],
    ["example value drift", (d) => (d.paths[P_ID].get.responses["200"].content["application/json"].example.name = "Other"), /example name is "Other", page shows "CMS Upgrade"/],
    ["documented status missing", (d) => (d.paths[P].post.responses = { "200": d.paths[P].post.responses["201"] }), /POST \/project: response 201 is missing/],
    ["list items untyped", (d) => (d.components.schemas.ProjectList.properties.data.items = { type: "object" }), /GET \/project: response 200 must carry project objects in data/],
    ["documented op not full", (d) => (d.paths[P_ID].delete["x-strawblond-coverage"] = "partial"), /DELETE \/project\/\{id\}: coverage partial/],
    ["merge 403 missing", (d) => delete d.paths["/project/{id}/merge"].post.responses["403"], /merge: response 403 \(user lacks the supervise project permission\) is missing/],
    ["merge permission unnamed", (d) => (d.paths["/project/{id}/merge"].post.description = "Merges."), /description does not name the supervise project permission/],
    ["merge target optional", (d) => (d.components.schemas.MergeProject.required = []), /merge body: attribute target_project_id required=false, page says true/],
    ["merge example drift", (d) => (d.components.schemas.MergeProject.examples = [{ target_project_id: "PQYLdqm4wR" }]), /merge: request example .* differs from the page's/],
    ["id pattern too loose", (d) => (d.components.schemas.Id.pattern = "^[A-Za-z0-9-]{9,11}$"), /schema Id: pattern .* accepts EO6YGvqMR,/],
    ["id pattern too strict", (d) => (d.components.schemas.Id.pattern = "^[a-z0-9]{10}$"), /schema Id: pattern .* rejects the page's id EO6YGvqMRV/],
    ["merge missing", (d) => delete d.paths["/project/{id}/merge"], /POST \/project\/\{id\}\/merge: operation is missing/],
    ["unknown coverage label", (d) => (d.paths["/offer/{id}/archive"].post["x-strawblond-coverage"] = "index-only"), /POST \/offer\/\{id\}\/archive: x-strawblond-coverage must be/],
    ["inferred not a list", (d) => (d.paths["/unit"].get["x-strawblond-inferred"] = "page"), /GET \/unit: x-strawblond-inferred must be a list of strings/],
    ["duplicate operationId", (d) => (d.paths["/unit"].get.operationId = "listRates"), /operationId listRates is also used by/],
  ];
  it.each(cases)("catches a difference: %s", (_name, mutate, expected) => {
    const doc = loadSpec();
    mutate(doc);
    const diffs = specDiffs(doc);
    expect(diffs.join("\n")).toMatch(expected);
  });
});
