// The date formats and integer-coded enums of spec/clientary/openapi.yaml, validated with ajv as a
// server or a validating proxy would: responses print most dates as YYYY/MM/DD, requests take
// YYYY-MM-DD, a few responses print dashes too; enums are the integers on the wire, named in docs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, expectTypeOf, it } from "vitest";
import { parse } from "yaml";
import type { components } from "../src/generated/schema.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SPEC_FILE = path.resolve(HERE, "../../../spec/clientary/openapi.yaml");

type Obj = Record<string, any>;
type Schemas = components["schemas"];
// ajv-formats is CommonJS: its default export arrives as the module object under some loaders
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const doc: Obj = parse(readFileSync(SPEC_FILE, "utf8"));
const ajv = new Ajv2020({ strict: false });
addFormats(ajv);
ajv.addSchema(doc, "spec");

const schema = (pointer: string) => ({ $ref: `spec#${pointer}` });
const accepts = (pointer: string, value: unknown) => ajv.validate(schema(pointer), value);
const S = (name: string) => `/components/schemas/${name}`;
const field = (name: string, prop: string) => `${S(name)}/properties/${prop.replace(/\//g, "~1")}`;

describe("dates", () => {
  const cases: [string, unknown[], unknown[]][] = [
    // schema, accepted, rejected
    ["ResponseDate", ["2011/04/06", "2011/12/31"], ["2011-04-06", "2011/4/6", "06/04/2011", "2011/04/06T00:00:00Z", "", 20110406]],
    ["RequestDate", ["2012-01-01", "2011-07-29"], ["2012/01/01", "2012-1-1", "2012-13-01", "2012-02-30", "20120101", "2012-01-01T00:00:00Z"]],
    ["Timestamp", ["2012-02-08T21:38:01-08:00", "2012-11-08T21:20:47Z"], ["2012-02-08", "2012/02/08 21:38:01", "yesterday"]],
  ];
  it.each(cases)("%s accepts and rejects as documented", (name, ok, bad) => {
    for (const v of ok) expect(accepts(S(name), v), `${name} should accept ${JSON.stringify(v)}`).toBe(true);
    for (const v of bad) expect(accepts(S(name), v), `${name} should reject ${JSON.stringify(v)}`).toBe(false);
  });

  // Where each form is used: the asymmetry between what Clientary prints and what it takes.
  const slashes: [string, string][] = [
    ["Project", "end_date"], ["Estimate", "date"], ["Invoice", "date"], ["Invoice", "due_date"], ["InvoicePayment", "received_on"],
    ["Expense", "incurred_on"], ["ExpenseRange", "from_date"], ["ExpenseRange", "to_date"], ["HourEntry", "date"],
  ];
  const dashes: [string, string][] = [
    ["ProjectFields", "end_date"], ["EstimateFields", "date"], ["InvoiceFields", "date"], ["InvoiceFields", "due_date"], ["ExpenseFields", "incurred_on"],
    ["HourEntryFields", "date"], ["TaskFields", "due_date"], ["StripePaymentProfileFields", "expiration_date"], ["RecurringScheduleFields", "next_date"],
    // responses that print dashes, as the vendor's examples show
    ["Payment", "received_on"], ["RecurringSchedule", "next_date"], ["PaymentProfile", "expiration_date"],
  ];
  it.each(slashes)("%s.%s is a response date: YYYY/MM/DD only", (name, prop) => {
    expect(accepts(field(name, prop), "2011/07/29")).toBe(true);
    expect(accepts(field(name, prop), "2011-07-29")).toBe(false);
  });
  it.each(dashes)("%s.%s takes YYYY-MM-DD only", (name, prop) => {
    expect(accepts(field(name, prop), "2011-07-29")).toBe(true);
    expect(accepts(field(name, prop), "2011/07/29")).toBe(false);
  });

  it("date query parameters take YYYY-MM-DD", () => {
    const params = [doc.components.parameters.UpdatedSince, ...doc.paths["/expenses"].get.parameters.filter((p: Obj) => p.name?.endsWith("_date"))];
    expect(params.map((p: Obj) => p.name)).toEqual(["updated_since", "from_date", "to_date"]);
    for (const p of params) {
      expect(ajv.validate(p.schema.$ref ? schema(p.schema.$ref.slice(1)) : p.schema, "2012-12-31")).toBe(true);
      expect(ajv.validate(p.schema.$ref ? schema(p.schema.$ref.slice(1)) : p.schema, "2012/12/31")).toBe(false);
    }
  });

  it("a whole project from the docs validates; the same project with a dashed end_date does not", () => {
    const project = doc.components.examples.Project.value;
    expect(accepts(S("Project"), project)).toBe(true);
    expect(accepts(S("Project"), { ...project, end_date: "2011-04-06" })).toBe(false);
    expect(accepts(S("CreateProjectRequest"), { project: { name: "P", rate: 150, end_date: "2011-04-06" } })).toBe(true);
    expect(accepts(S("CreateProjectRequest"), { project: { name: "P", rate: 150, end_date: "2011/04/06" } })).toBe(false);
  });
});

describe("integer-coded enums", () => {
  const cases: [string, number[], unknown[]][] = [
    ["ProjectStatus", [1, 2, 4], [0, 3, 5, "1", 1.5, null]],
    ["BudgetType", [0, 1], [2, -1, "0"]],
    ["ProjectType", [0, 2], [1, 3, "hourly"]],
    ["ClientStatus", [1, 2], [0, 3]],
    ["EstimateStatus", [0, 1, 2, 3, 4, 5, 6, 7], [8, -1]],
    ["InvoiceStatus", [0, 1, 2, 3, 4, 5], [6]],
    ["RecurringStatus", [0, 1, 2], [3]],
    ["RecurringAction", [0, 1, 2], [3]],
    ["TimeInterval", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [0, 12]],
    ["ItemType", [0, 3], [1, 2]],
  ];
  it.each(cases)("%s accepts exactly its documented integers", (name, ok, bad) => {
    for (const v of ok) expect(accepts(S(name), v), `${name} should accept ${v}`).toBe(true);
    for (const v of bad) expect(accepts(S(name), v), `${name} should reject ${JSON.stringify(v)}`).toBe(false);
  });

  it.each(cases)("%s names every value in its description and x-enum-varnames", (name) => {
    const s = doc.components.schemas[name];
    expect(s.type).toBe("integer");
    expect(s["x-enum-varnames"]).toHaveLength(s.enum.length);
    s.enum.forEach((v: number, n: number) => {
      expect(s.description).toContain(`\`${v}\` ${s["x-enum-descriptions"][n]}`);
    });
  });

  it("a project's status, budget_type and project_type are these enums", () => {
    const project = doc.components.examples.Project.value;
    expect(accepts(S("Project"), { ...project, status: 2, budget_type: 1, project_type: 2 })).toBe(true);
    expect(accepts(S("Project"), { ...project, status: 3 })).toBe(false);
    expect(accepts(S("Project"), { ...project, project_type: 1 })).toBe(false);
    expect(accepts(S("UpdateProjectRequest"), { project: { budget_type: 2 } })).toBe(false);
  });

  it("the generated types keep the wire integers (checked by tsc)", () => {
    expectTypeOf<Schemas["ProjectStatus"]>().toEqualTypeOf<1 | 2 | 4>();
    expectTypeOf<Schemas["BudgetType"]>().toEqualTypeOf<0 | 1>();
    expectTypeOf<Schemas["ProjectType"]>().toEqualTypeOf<0 | 2>();
    expectTypeOf<Schemas["Project"]["end_date"]>().toEqualTypeOf<string>();
    expect(doc.components.schemas.ProjectStatus.enum).toEqual([1, 2, 4]);
  });
});
