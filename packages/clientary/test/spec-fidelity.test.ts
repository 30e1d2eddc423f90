// Checks spec/clientary/openapi.yaml against the vendor's projects page (seed 003, copied into
// spec/clientary/reference/), field by field: the listing envelope, the nested client, the
// client-scoped listing, `filter=all`, the wrapped create body with its required and unique fields,
// the partial update, the cascading delete, the integer-coded enums and the printed dates.
// The page's JSON examples are not valid JSON (no commas between fields), so they are read with a
// tolerant reader below, never JSON.parse. Every printed value must validate against the spec's
// schema for that field; anything the spec adds beyond the page must be in `x-clientary-inferred`.
// All differences are collected so one run shows the whole list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SPEC_FILE = path.resolve(HERE, "../../../spec/clientary/openapi.yaml");
const SEED_FILE = path.resolve(HERE, "../../../spec/clientary/reference/003_60137bca8a81697d.txt");

type Obj = Record<string, any>;
// ajv-formats is CommonJS: its default export arrives as the module object under some loaders
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const COVERAGE = new Set(["full", "partial", "path-only", "third-party"]);

// ---------------------------------------------------------------------------------------------
// Reading the seed page

/** A value as the page prints it. */
type Printed =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "object"; fields: Map<string, Printed> }
  | { kind: "array"; items: Printed[] };

/**
 * Reads one printed example starting at `text[start]` (a `{`): keys and values in order, with or
 * without commas, skipping `...` placeholders. Accepts Ruby's `=>` as a key separator.
 */
function readPrinted(text: string, start: number): Printed {
  let i = start;
  const skip = () => {
    for (;;) {
      while (i < text.length && /[\s,]/.test(text[i]!)) i++;
      if (text.startsWith("...", i)) i += 3;
      else return;
    }
  };
  const fail = (what: string): never => {
    throw new Error(`seed example: ${what} at offset ${i}: ${JSON.stringify(text.slice(i, i + 30))}`);
  };
  const str = (): string => {
    const end = text.indexOf('"', i + 1);
    if (end < 0) fail("unterminated string");
    const s = text.slice(i + 1, end);
    i = end + 1;
    return s;
  };
  const value = (): Printed => {
    skip();
    const c = text[i];
    if (c === "{") {
      i++;
      const fields = new Map<string, Printed>();
      for (skip(); text[i] !== "}"; skip()) {
        if (text[i] !== '"') fail("expected a key");
        const key = str();
        skip();
        if (text[i] === ":") i++;
        else if (text.startsWith("=>", i)) i += 2;
        else fail(`expected ':' after ${key}`);
        fields.set(key, value());
      }
      i++;
      return { kind: "object", fields };
    }
    if (c === "[") {
      i++;
      const items: Printed[] = [];
      for (skip(); text[i] !== "]"; skip()) items.push(value());
      i++;
      return { kind: "array", items };
    }
    if (c === '"') return { kind: "string", value: str() };
    const word = /^(-?\d+(?:\.\d+)?|null|true|false)/.exec(text.slice(i))?.[1];
    if (word === undefined) return fail("expected a value");
    i += word.length;
    if (word === "null") return { kind: "null" };
    if (word === "true" || word === "false") return { kind: "boolean", value: word === "true" };
    return { kind: "number", value: Number(word) };
  };
  return value();
}

/** What printed value a JSON value would be (used to validate printed scalars with ajv). */
function plain(p: Printed): unknown {
  if (p.kind === "object") return Object.fromEntries([...p.fields].map(([k, v]) => [k, plain(v)]));
  if (p.kind === "array") return p.items.map(plain);
  if (p.kind === "null") return null;
  return p.value;
}

interface SeedOperation {
  method: string;
  /** OpenAPI template: `/clients/{client_id}/projects`. */
  path: string;
  /** The text after the heading line, up to the next operation. */
  text: string;
  example?: Printed;
}

interface Seed {
  operations: SeedOperation[];
  statusValues: [number, string][];
  codedFields: { field: string; values: [number, string][] }[];
  required: string[];
  unique: string[];
  filterValue: string;
  clientScopedPageSize: number;
  deleteCascade: string[];
}

function readSeed(text: string): Seed {
  const heads = [...text.matchAll(/^(GET|POST|PUT|DELETE) \/api\/v2(\S+)$/gm)];
  const operations = heads.map((m, n) => {
    const body = text.slice(m.index! + m[0].length, heads[n + 1]?.index ?? text.length);
    const brace = body.indexOf("{");
    const example = brace >= 0 ? readPrinted(body, brace) : undefined;
    return { method: m[1]!.toLowerCase(), path: m[2]!.replace(/:(\w+)/g, "{$1}"), text: body, example };
  });
  const list = (label: string) =>
    [...text.matchAll(new RegExp(`${label}:([^(]*)\\(HTTP 422`, "g"))].flatMap((m) => m[1]!.split(",").map((s) => s.trim()).filter(Boolean));
  const coded = [...text.matchAll(/(\w+)\s+can be (\d+) \(([^)]+)\) or (\d+) \(([^)]+)\)/g)].map((m) => ({
    field: m[1]!,
    values: [[Number(m[2]), m[3]!], [Number(m[4]), m[5]!]] as [number, string][],
  }));
  const statusBlock = text.slice(text.indexOf("] }", text.indexOf("GET /api/v2/projects")), text.indexOf("By default"));
  return {
    operations,
    statusValues: [...statusBlock.matchAll(/(\d+)\s*:\s*([A-Z][a-z]+)/g)].map((m) => [Number(m[1]), m[2]!]),
    codedFields: coded,
    required: [...new Set(list("Required Fields"))],
    unique: [...new Set(list("Unique Fields"))],
    filterValue: /use the filter\s+parameter with value (\w+)/.exec(text)?.[1] ?? "",
    clientScopedPageSize: Number(/return (\d+) results by default/.exec(text)?.[1]),
    deleteCascade: (/deletion of all associated ([^.]+)\./.exec(text)?.[1] ?? "")
      .split(/,\s*(?:and\s+)?/)
      .map((s) => s.replace(/^logged\s+/, "").trim().toLowerCase())
      .filter(Boolean),
  };
}

// ---------------------------------------------------------------------------------------------
// Walking the spec

/** Follows `$ref`s from a JSON pointer (`#/components/schemas/Project`) to the schema it names. */
function follow(doc: Obj, pointer: string): string {
  for (let n = 0; n < 20; n++) {
    const node = at(doc, pointer);
    if (typeof node?.$ref !== "string") return pointer;
    pointer = node.$ref;
  }
  return pointer;
}
function at(doc: Obj, pointer: string): Obj {
  return pointer
    .slice(2)
    .split("/")
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((o: Obj | undefined, k) => o?.[k], doc) as Obj;
}
const esc = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");

/** Properties (name → pointer) and required names of an object schema, through `$ref` and `allOf`. */
function shape(doc: Obj, pointer: string): { props: Map<string, string>; required: Set<string> } {
  const ptr = follow(doc, pointer);
  const s = at(doc, ptr) ?? {};
  const props = new Map<string, string>();
  const required = new Set<string>(s.required ?? []);
  (s.allOf ?? []).forEach((_: unknown, n: number) => {
    const inner = shape(doc, `${ptr}/allOf/${n}`);
    for (const [k, v] of inner.props) props.set(k, v);
    for (const r of inner.required) required.add(r);
  });
  for (const k of Object.keys(s.properties ?? {})) props.set(k, `${ptr}/properties/${esc(k)}`);
  return { props, required };
}

function inferredOf(node: Obj | undefined): string[] {
  const list = node?.["x-clientary-inferred"];
  return Array.isArray(list) ? list : [];
}
const declares = (list: string[], prefix: string) => list.some((s) => s === prefix || s.startsWith(`${prefix} `));

class Checker {
  readonly diffs: string[] = [];
  private readonly ajv: Ajv2020;
  constructor(readonly doc: Obj) {
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(doc, "spec");
  }

  valid(pointer: string, value: unknown): string | null {
    try {
      const ok = this.ajv.validate({ $ref: `spec${pointer}` }, value);
      return ok ? null : this.ajv.errorsText(this.ajv.errors);
    } catch (err) {
      return (err as Error).message;
    }
  }

  /**
   * Every printed field must exist in the schema, be required (printed fields always are), and its
   * printed value must validate; nested objects and array items are compared the same way. Schema
   * properties the page does not print must be declared `property <name>` in the schema's
   * x-clientary-inferred.
   */
  compare(pointer: string, printed: Printed, where: string): void {
    const ptr = follow(this.doc, pointer);
    if (printed.kind === "array") {
      const items = at(this.doc, ptr)?.items ? `${ptr}/items` : undefined;
      if (!items) return void this.diffs.push(`${where}: printed an array, the spec has no array items`);
      for (const item of printed.items) this.compare(items, item, `${where}[]`);
      return;
    }
    if (printed.kind !== "object") {
      const problem = this.valid(ptr, plain(printed));
      if (problem) this.diffs.push(`${where}: printed value ${JSON.stringify(plain(printed))} is rejected by the spec (${problem})`);
      return;
    }
    const { props, required } = shape(this.doc, ptr);
    for (const [key, value] of printed.fields) {
      const child = props.get(key);
      if (!child) {
        this.diffs.push(`${where}: field ${key} is missing`);
        continue;
      }
      if (!required.has(key)) this.diffs.push(`${where}: printed field ${key} is not required`);
      this.compare(child, value, `${where}.${key}`);
    }
    const declared = inferredOf(at(this.doc, ptr));
    for (const key of props.keys()) {
      if (!printed.fields.has(key) && !declares(declared, `property ${key}`)) {
        this.diffs.push(`${where}: property ${key} is not printed by the page and not in x-clientary-inferred`);
      }
    }
  }

  op(method: string, p: string): Obj | undefined {
    return this.doc.paths?.[p]?.[method];
  }
}

/** Pointer of the application/json schema of a request body or response at `ptr`, if it has one. */
function jsonSchemaAt(doc: Obj, ptr: string): string | undefined {
  const p = follow(doc, ptr);
  return at(doc, p)?.content?.["application/json"]?.schema ? `${p}/content/application~1json/schema` : undefined;
}
const paramOf = (doc: Obj, p: Obj): Obj => (typeof p.$ref === "string" ? at(doc, follow(doc, p.$ref)) : p);

/** Every difference between the spec and the projects page, as readable lines. */
function projectDiffs(doc: Obj, seed: Seed): string[] {
  const c = new Checker(doc);
  const d = c.diffs;
  const opPtr = (method: string, p: string) => `#/paths/${esc(p)}/${method}`;

  for (const s of seed.operations) {
    const where = `${s.method.toUpperCase()} ${s.path}`;
    const op = c.op(s.method, s.path);
    if (!op) {
      d.push(`${where}: operation is missing`);
      continue;
    }
    if (!op.tags?.includes("Projects")) d.push(`${where}: tag Projects is missing`);
    if (!COVERAGE.has(op["x-clientary-coverage"])) d.push(`${where}: x-clientary-coverage is ${op["x-clientary-coverage"]}`);
    const inferred = inferredOf(op);
    // parameters: path ones come from the template; query ones must be on the page or declared
    for (const q of (op.parameters ?? []).map((p: Obj) => paramOf(doc, p))) {
      if (q.in !== "query") continue;
      const onPage = new RegExp(`\\b${q.name}\\b`).test(s.text);
      if (!onPage && !declares(inferred, `query parameter ${q.name}`)) d.push(`${where}: query parameter ${q.name} is not on the page and not in x-clientary-inferred`);
    }
    // success statuses: a GET answers 200; anything else the page never shows must be declared
    for (const code of Object.keys(op.responses ?? {}).filter((k) => /^2\d\d$/.test(k))) {
      if (!(s.method === "get" && code === "200") && !declares(inferred, `response ${code}`)) d.push(`${where}: response ${code} is not on the page and not in x-clientary-inferred`);
    }
  }

  // the listing and its envelope
  const list = c.op("get", "/projects");
  const listSeed = seed.operations.find((o) => o.method === "get" && o.path === "/projects");
  const listSchema = jsonSchemaAt(doc, `${opPtr("get", "/projects")}/responses/200`);
  if (list && listSeed?.example && listSchema) {
    c.compare(listSchema, listSeed.example, "GET /projects 200");
    const pag = list["x-apiforge-pagination"] ?? {};
    const printed = listSeed.example.kind === "object" ? listSeed.example.fields : new Map();
    const itemsKey = [...printed].find(([, v]) => v.kind === "array")?.[0];
    const want = { style: "page-count", itemsPath: itemsKey, pageParam: "page", totalPagesPath: "page_count", totalPath: "total_count", defaultPageSize: plain(printed.get("page_size")!) };
    for (const [k, v] of Object.entries(want)) if (pag[k] !== v) d.push(`GET /projects: x-apiforge-pagination.${k} is ${pag[k]}, the page says ${v}`);
    const filter = (list.parameters ?? []).map((p: Obj) => paramOf(doc, p)).find((p: Obj) => p.name === "filter");
    if (!filter?.schema?.enum?.includes(seed.filterValue)) d.push(`GET /projects: query parameter filter does not offer ${seed.filterValue}`);
  } else if (list) d.push("GET /projects: the 200 response has no application/json schema");

  // the client-scoped listing: same envelope, its own default page size
  const scoped = c.op("get", "/clients/{client_id}/projects");
  if (scoped) {
    const pag = scoped["x-apiforge-pagination"] ?? {};
    if (pag.defaultPageSize !== seed.clientScopedPageSize) d.push(`GET /clients/{client_id}/projects: defaultPageSize ${pag.defaultPageSize}, the page says ${seed.clientScopedPageSize}`);
    if (pag.itemsPath !== "projects" || pag.pageParam !== "page") d.push("GET /clients/{client_id}/projects: pagination does not page `projects` by `page`");
    const schema = jsonSchemaAt(doc, `${opPtr("get", "/clients/{client_id}/projects")}/responses/200`);
    if (schema && listSeed?.example) c.compare(schema, listSeed.example, "GET /clients/{client_id}/projects 200");
    const hasPage = (scoped.parameters ?? []).some((p: Obj) => paramOf(doc, p).name === "page");
    if (!hasPage) d.push("GET /clients/{client_id}/projects: query parameter page is missing");
  }

  // one project
  const one = seed.operations.find((o) => o.method === "get" && o.path === "/projects/{id}");
  const oneSchema = jsonSchemaAt(doc, `${opPtr("get", "/projects/{id}")}/responses/200`);
  if (one?.example && oneSchema) c.compare(oneSchema, one.example, "GET /projects/{id} 200");

  // integer-coded enums: values as on the wire, names in the docs
  const projectPtr = oneSchema ?? "#/components/schemas/Project";
  const enumCheck = (field: string, values: [number, string][], nameMatches: (name: string, label: string) => boolean) => {
    const ptr = shape(doc, projectPtr).props.get(field);
    if (!ptr) return void d.push(`Project: field ${field} is missing`);
    const s = at(doc, follow(doc, ptr));
    if (JSON.stringify(s.enum) !== JSON.stringify(values.map(([v]) => v))) d.push(`Project.${field}: enum ${JSON.stringify(s.enum)}, the page says ${JSON.stringify(values.map(([v]) => v))}`);
    const names: string[] = s["x-enum-varnames"] ?? [];
    values.forEach(([v, label], n) => {
      if (!names[n] || !nameMatches(names[n]!, label)) d.push(`Project.${field}: value ${v} is named ${names[n]}, the page says ${label}`);
      if (!new RegExp(`\`${v}\` [^,.]*${names[n] ?? "?"}`, "i").test(s.description ?? "")) d.push(`Project.${field}: description does not name value ${v}`);
    });
  };
  enumCheck("status", seed.statusValues, (name, label) => name === label);
  for (const { field, values } of seed.codedFields) enumCheck(field, values, (name, label) => label.toLowerCase().includes(name.toLowerCase()));

  // create: wrapped body, required and unique fields, 422
  const create = c.op("post", "/projects");
  const createSeed = seed.operations.find((o) => o.method === "post" && o.path === "/projects");
  const update = c.op("put", "/projects/{id}");
  const updateSeed = seed.operations.find((o) => o.method === "put" && o.path === "/projects/{id}");
  for (const [op, s, label, partial] of [[create, createSeed, "POST /projects", false], [update, updateSeed, "PUT /projects/{id}", true]] as const) {
    if (!op || !s?.example || s.example.kind !== "object") continue;
    const body = jsonSchemaAt(doc, `${opPtr(s.method, s.path)}/requestBody`);
    if (!body) {
      d.push(`${label}: request body has no application/json schema`);
      continue;
    }
    const [wrapper, inner] = [...s.example.fields][0]!;
    const outer = shape(doc, body);
    if (JSON.stringify([...outer.props.keys()]) !== JSON.stringify([wrapper]) || !outer.required.has(wrapper)) d.push(`${label}: body is not wrapped as {"${wrapper}": {…}}`);
    const innerPtr = outer.props.get(wrapper);
    if (!innerPtr || inner.kind !== "object") continue;
    const innerShape = shape(doc, innerPtr);
    for (const [k, v] of inner.fields) {
      const p = innerShape.props.get(k);
      if (!p) d.push(`${label}: body field ${k} is missing`);
      else {
        const problem = c.valid(follow(doc, p), plain(v));
        if (problem) d.push(`${label}: body field ${k}: printed value ${JSON.stringify(plain(v))} is rejected (${problem})`);
      }
    }
    const want = partial ? [] : seed.required;
    if (JSON.stringify([...innerShape.required].sort()) !== JSON.stringify([...want].sort())) {
      d.push(`${label}: required body fields ${JSON.stringify([...innerShape.required].sort())}, the page says ${JSON.stringify([...want].sort())}${partial ? " (a partial update)" : ""}`);
    }
    for (const u of seed.unique) {
      if (!innerShape.props.has(u)) d.push(`${label}: unique field ${u} is missing from the body`);
      if (!new RegExp(`\`${u}\`[^.]*unique`).test(op.description ?? "")) d.push(`${label}: description does not say ${u} must be unique`);
    }
    if (!op.responses?.["422"]) d.push(`${label}: response 422 is missing`);
    for (const field of seed.codedFields.map((f) => f.field)) if (!partial && !innerShape.props.has(field)) d.push(`${label}: body field ${field} is missing`);
  }

  // delete: cascades named in the description
  const del = c.op("delete", "/projects/{id}");
  for (const what of seed.deleteCascade) {
    if (del && !new RegExp(`\\b${what}\\b`, "i").test(del.description ?? "")) d.push(`DELETE /projects/{id}: description does not say ${what} are deleted too`);
  }
  return d;
}

/** Labels every operation must carry, whatever its resource. */
function labelDiffs(doc: Obj): string[] {
  const d: string[] = [];
  const ids = new Map<string, string>();
  for (const [p, item] of Object.entries<Obj>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Obj>(item)) {
      if (!["get", "put", "post", "delete", "patch"].includes(method)) continue;
      const where = `${method.toUpperCase()} ${p}`;
      if (!/^[a-z][A-Za-z0-9]*$/.test(op.operationId ?? "")) d.push(`${where}: operationId ${op.operationId} is not camelCase`);
      else if (ids.has(op.operationId)) d.push(`${where}: operationId ${op.operationId} is also used by ${ids.get(op.operationId)}`);
      else ids.set(op.operationId, where);
      if (!op.summary) d.push(`${where}: no summary`);
      if (!op.tags?.length) d.push(`${where}: no tag`);
      if (!COVERAGE.has(op["x-clientary-coverage"])) d.push(`${where}: x-clientary-coverage ${op["x-clientary-coverage"]} is not full | partial | path-only | third-party`);
      const inferred = op["x-clientary-inferred"];
      if (!Array.isArray(inferred) || inferred.some((s: unknown) => typeof s !== "string")) d.push(`${where}: x-clientary-inferred is not a list of strings`);
      else if (op["x-clientary-coverage"] === "third-party" && !inferred.some((s: string) => s.startsWith("third-party:"))) d.push(`${where}: third-party coverage without a "third-party:" entry`);
    }
  }
  return d;
}

// ---------------------------------------------------------------------------------------------

const SPEC: Obj = parse(readFileSync(SPEC_FILE, "utf8"));
const loadSpec = (): Obj => structuredClone(SPEC);
const seed = readSeed(readFileSync(SEED_FILE, "utf8"));

describe("the seed page as read", () => {
  it("has the six project operations, their examples and the documented rules", () => {
    expect(seed.operations.map((o) => `${o.method} ${o.path} ${o.example ? "example" : "-"}`)).toEqual([
      "get /projects example",
      "get /clients/{client_id}/projects -",
      "get /projects/{id} example",
      "post /projects example",
      "put /projects/{id} example",
      "delete /projects/{id} -",
    ]);
    expect(seed.statusValues).toEqual([[1, "Active"], [2, "Completed"], [4, "Billable"]]);
    expect(seed.codedFields.map((f) => [f.field, f.values.map(([v]) => v)])).toEqual([["budget_type", [0, 1]], ["project_type", [0, 2]]]);
    expect([seed.required, seed.unique, seed.filterValue, seed.clientScopedPageSize]).toEqual([["name", "rate"], ["number"], "all", 10]);
    expect(seed.deleteCascade).toEqual(["tasks", "hours", "comments", "notes"]);
  });

  it("reads examples without commas, with placeholders and Ruby hashes", () => {
    const text = '{ "a": 1 "b": "x" "c": [ { "id"=>2 }, ... ] "d": null "e": { "f": false } }';
    expect(plain(readPrinted(text, 0))).toEqual({ a: 1, b: "x", c: [{ id: 2 }], d: null, e: { f: false } });
  });
});

describe("spec fidelity to the projects page", () => {
  it("has no differences from the page", () => {
    expect(projectDiffs(loadSpec(), seed)).toEqual([]);
  });

  it("labels every operation (camelCase unique operationId, summary, tag, coverage, inferred list)", () => {
    expect(labelDiffs(loadSpec())).toEqual([]);
  });

  const P = "/projects/{id}";
  const cases: [string, (doc: Obj) => void, RegExp][] = [
    ["dropped operation", (d) => delete d.paths[P].delete, /DELETE \/projects\/\{id\}: operation is missing/],
    ["renamed field", (d) => {
      const s = d.components.schemas.Project;
      s.properties.ends_on = s.properties.end_date;
      delete s.properties.end_date;
    }, /field end_date is missing[\s\S]*property ends_on is not printed/],
    ["wrong field type", (d) => (d.components.schemas.Project.properties.rate = { type: "string" }), /\.rate: printed value 125 is rejected/],
    ["response date pattern", (d) => (d.components.schemas.ResponseDate.pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), /end_date: printed value "2011\/04\/06" is rejected/],
    ["enum values", (d) => (d.components.schemas.ProjectStatus.enum = [1, 2, 3]), /Project\.status: enum \[1,2,3\]/],
    ["enum names", (d) => d.components.schemas.ProjectType["x-enum-varnames"].reverse(), /Project\.project_type: value 0 is named Fixed/],
    ["enum docs", (d) => (d.components.schemas.BudgetType.description = "How the budget is counted."), /Project\.budget_type: description does not name value 0/],
    ["nested client field", (d) => delete d.components.schemas.Client.properties.zip, /\.client: field zip is missing/],
    ["printed field optional", (d) => (d.components.schemas.Project.required = d.components.schemas.Project.required.filter((k: string) => k !== "cost")), /printed field cost is not required/],
    ["undeclared property", (d) => (d.components.schemas.Project.properties.colour = { type: "string" }), /property colour is not printed by the page and not in x-clientary-inferred/],
    ["envelope field", (d) => delete d.components.schemas.PageCounts.properties.total_count, /GET \/projects 200: field total_count is missing/],
    ["items key", (d) => (d.paths["/projects"].get["x-apiforge-pagination"].itemsPath = "items"), /x-apiforge-pagination\.itemsPath is items, the page says projects/],
    ["default page size", (d) => (d.paths["/clients/{client_id}/projects"].get["x-apiforge-pagination"].defaultPageSize = 20), /defaultPageSize 20, the page says 10/],
    ["filter=all", (d) => (d.paths["/projects"].get.parameters[1].schema.enum = ["active"]), /filter does not offer all/],
    ["undeclared parameter", (d) => d.paths["/projects"].get.parameters.push({ name: "q", in: "query", schema: { type: "string" } }), /query parameter q is not on the page/],
    ["undeclared status", (d) => d.paths[P].delete["x-clientary-inferred"].splice(0), /DELETE \/projects\/\{id\}: response 204 is not on the page/],
    ["body not wrapped", (d) => (d.components.schemas.CreateProjectRequest = { $ref: "#/components/schemas/ProjectFields" }), /POST \/projects: body is not wrapped as \{"project"/],
    ["required fields", (d) => (d.components.schemas.CreateProjectRequest.properties.project.required = ["name"]), /POST \/projects: required body fields \["name"\], the page says \["name","rate"\]/],
    ["partial update", (d) => (d.components.schemas.UpdateProjectRequest.properties.project = { allOf: [{ $ref: "#/components/schemas/ProjectFields" }], required: ["name"] }), /PUT \/projects\/\{id\}: required body fields \["name"\], the page says \[\] \(a partial update\)/],
    ["unique field", (d) => (d.paths[P].put.description = "Changes the fields sent."), /PUT \/projects\/\{id\}: description does not say number must be unique/],
    ["422 on create", (d) => delete d.paths["/projects"].post.responses["422"], /POST \/projects: response 422 is missing/],
    ["body field type", (d) => (d.components.schemas.ProjectFields.properties.rate = { type: "integer", maximum: 100 }), /POST \/projects: body field rate: printed value 150 is rejected/],
    ["delete cascade", (d) => (d.paths[P].delete.description = "Deletes the project with its tasks, hours and comments."), /does not say notes are deleted too/],
  ];
  it.each(cases)("catches a difference: %s", (_name, mutate, expected) => {
    const doc = loadSpec();
    mutate(doc);
    const diffs = projectDiffs(doc, seed);
    expect(diffs.length).toBeGreaterThan(0);
    expect(diffs.join("\n")).toMatch(expected);
  });

  const labelCases: [string, (doc: Obj) => void, RegExp][] = [
    ["duplicate operationId", (d) => (d.paths["/tasks"].get.operationId = "listProjects"), /operationId listProjects is also used/],
    ["not camelCase", (d) => (d.paths["/staff"].get.operationId = "ListStaff"), /operationId ListStaff is not camelCase/],
    ["unknown coverage", (d) => (d.paths["/staff"].get["x-clientary-coverage"] = "index-only"), /x-clientary-coverage index-only/],
    ["third-party unlabelled", (d) => (d.paths["/invoices"].post["x-clientary-inferred"] = []), /POST \/invoices: third-party coverage without/],
  ];
  it.each(labelCases)("catches a label problem: %s", (_name, mutate, expected) => {
    const doc = loadSpec();
    mutate(doc);
    expect(labelDiffs(doc).join("\n")).toMatch(expected);
  });
});
