// How one input row becomes a request body, on a small inline spec: dotted columns nest, CSV cells
// take the schema's types, empty cells are absent, a path-parameter column fills the path, and
// every problem of a row is listed.
import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../registry.js";
import { rowPreparer } from "./prepare.js";
import { rowTarget } from "./request-schema.js";

const doc: OpenApiDocument = {
  openapi: "3.1.0",
  paths: {
    "/projects/{id}": {
      patch: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Project" } } } } },
    },
  },
  components: {
    schemas: {
      Project: {
        type: "object",
        additionalProperties: false,
        required: ["name"],
        properties: {
          name: { type: "string" },
          budget: { type: "number" },
          active: { type: "boolean" },
          status: { enum: ["open", "closed"] },
          tags: { type: "array", items: { type: "string" } },
          client: { type: "object", properties: { id: { type: "string" }, vip: { type: "boolean" } } },
        },
      },
    },
  },
};
const op = { method: "patch" as const, path: "/projects/{id}" };
const prepareCsv = rowPreparer(doc, rowTarget(doc, "UpdateProject", op), "csv", {});
const prepareNdjson = rowPreparer(doc, rowTarget(doc, "UpdateProject", op), "ndjson", { id: "fixed" });
const csv = (record: Record<string, string>) => prepareCsv({ index: 0, line: 2, record });

describe("CSV rows", () => {
  it("nests dotted columns, coerces to the schema's types, drops empty cells and fills the path", () => {
    expect(csv({ id: "P-1", name: "Apollo", budget: "1200.5", active: "false", "client.id": "C-9", "client.vip": "true", status: "", tags: '["a","b"]' })).toEqual({
      ok: true,
      index: 0,
      line: 2,
      pathParams: { id: "P-1" },
      body: { name: "Apollo", budget: 1200.5, active: false, client: { id: "C-9", vip: true }, tags: ["a", "b"] },
    });
  });

  it("lists every problem of the row", () => {
    const result = csv({ id: "", name: "", budget: "lots", status: "pending", colour: "red", client: "x", "client.id": "C-1" });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      'column "client.id" clashes with column "client"',
      'no value for path parameter "id" (a column "id" or --param id=…)',
      'missing required field "name"',
      'unknown field "colour" (not in the request schema)',
      'budget: must be number (got "lots")',
      'status: must be equal to one of the allowed values: "open", "closed" (got "pending")',
      'client: must be object (got "x")',
    ]);
  });
});

describe("NDJSON rows", () => {
  it("are typed as written (no coercion) and take path parameters from --param", () => {
    expect(prepareNdjson({ index: 3, line: 4, record: { name: "Apollo", budget: 10 } })).toMatchObject({ ok: true, pathParams: { id: "fixed" }, body: { name: "Apollo", budget: 10 } });
    expect(prepareNdjson({ index: 3, line: 4, record: { name: "Apollo", budget: "10" } })).toMatchObject({ ok: false, problems: ['budget: must be number (got "10")'] });
  });
});
