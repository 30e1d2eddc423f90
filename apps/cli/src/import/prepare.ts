// Turns an input row into what is sent: dotted column names become nested fields, CSV cells are
// coerced to the request schema's types (ajv `coerceTypes`: "6.5" → 6.5, "true" → true), columns
// named after a path parameter fill it, and the result is validated against the request schema
// with every problem of the row listed. NDJSON values are typed already and are not coerced.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OpenApiDocument } from "../registry.js";
import { hasType, propertySchema, type RowTarget } from "./request-schema.js";
import type { InputFormat, InputRow } from "./rows.js";

// ajv-formats is CommonJS with a default export
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** A row ready to send. */
export interface PreparedRow {
  index: number;
  line: number;
  body: unknown;
  pathParams: Record<string, string>;
}

/** A row that cannot be sent, with every reason. */
export interface BadRow {
  index: number;
  line: number;
  problems: string[];
}

export type Prepared = ({ ok: true } & PreparedRow) | ({ ok: false } & BadRow);

const SPEC_ID = "apiforge:spec";

/** A validator for the row schema: the spec is added once, the schema referenced by pointer. */
function compile(doc: OpenApiDocument, pointer: string, coerce: boolean): ValidateFunction {
  // 3.1 documents use JSON Schema 2020-12; 3.0 schemas are draft-04-like with `nullable` (ajv knows it)
  const options = { strict: false, allErrors: true, coerceTypes: coerce, logger: false as const };
  const ajv = String(doc.openapi).startsWith("3.0") ? new Ajv(options) : new Ajv2020(options);
  addFormats(ajv);
  ajv.addSchema(doc, SPEC_ID);
  return ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
}

const fieldOf = (instancePath: string) => instancePath.replace(/^\//, "").split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");

function describe(error: ErrorObject, data: unknown): string {
  const at = fieldOf(error.instancePath);
  const prefix = at ? `${at}.` : "";
  if (error.keyword === "required") return `missing required field "${prefix}${(error.params as { missingProperty: string }).missingProperty}"`;
  if (error.keyword === "additionalProperties") return `unknown field "${prefix}${(error.params as { additionalProperty: string }).additionalProperty}" (not in the request schema)`;
  const value = error.instancePath.split("/").slice(1).reduce<any>((node, key) => node?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], data);
  const got = value === undefined || (value !== null && typeof value === "object") ? "" : ` (got ${JSON.stringify(value)})`;
  const allowed = error.keyword === "enum" ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}` : "";
  return `${at || "body"}: ${error.message ?? error.keyword}${allowed}${got}`;
}

/** Sets `value` at a dotted path; a clash (`a` and `a.b` both given) is returned as a problem. */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): string | undefined {
  let node = target;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      if (key in node) return `column "${path.join(".")}" clashes with another column for the same field`;
      node[key] = value;
      return undefined;
    }
    const next = node[key];
    if (next === undefined) node = node[key] = {} as Record<string, unknown>;
    else if (next && typeof next === "object" && !Array.isArray(next)) node = next as Record<string, unknown>;
    else return `column "${path.join(".")}" clashes with column "${path.slice(0, i + 1).join(".")}"`;
  }
  return undefined;
}

/** Builds the function that prepares each row of one import. */
export function rowPreparer(doc: OpenApiDocument, target: RowTarget, format: InputFormat, fixedParams: Record<string, string>): (row: InputRow) => Prepared {
  const validate = compile(doc, target.rowSchema, format === "csv");
  // a column named after a path parameter fills it, unless the body has a field of that name
  const paramColumns = new Set(target.pathParams.filter((p) => !propertySchema(doc, target.rowNode, p)));

  return (row) => {
    const bad = (problems: string[]): Prepared => ({ ok: false, index: row.index, line: row.line, problems });
    if (!row.record) return bad([row.problem ?? "unreadable row"]);
    const problems: string[] = row.problem ? [row.problem] : [];
    const pathParams: Record<string, string> = { ...fixedParams };
    const body: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(row.record)) {
      if (paramColumns.has(column)) {
        if (value !== "" && value !== null && value !== undefined) pathParams[column] = String(value);
        continue;
      }
      if (format === "csv") {
        // an empty cell is an absent field (CSV cannot tell "" from nothing)
        if (value === "") continue;
        const problem = setPath(body, column.split("."), cellValue(doc, target, column, value as string));
        if (problem) problems.push(problem);
      } else body[column] = value;
    }
    for (const name of target.pathParams) {
      if (pathParams[name] === undefined) problems.push(`no value for path parameter "${name}" (a column "${name}" or --param ${name}=…)`);
    }
    if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => describe(e, body)));
    return problems.length ? bad(problems) : { ok: true, index: row.index, line: row.line, body, pathParams };
  };
}

// arrays and objects in one cell are JSON (`["a","b"]`); ajv's coercion covers the scalar types
function cellValue(doc: OpenApiDocument, target: RowTarget, column: string, cell: string): unknown {
  if (!/^\s*[[{]/.test(cell)) return cell;
  let node = target.rowNode as Record<string, any> | undefined;
  for (const key of column.split(".")) node = propertySchema(doc, node, key);
  if (!hasType(node, "array") && !hasType(node, "object")) return cell;
  try {
    return JSON.parse(cell);
  } catch {
    return cell;
  }
}
