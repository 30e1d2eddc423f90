// Checks a request against the spec before anything is sent: path, query and header parameters
// (strings from the command line, coerced to the schema's types) and the JSON body, every problem
// at once. Ajv's 2020-12 dialect reads OpenAPI 3.1 schemas; 3.0's `nullable` is an Ajv keyword too.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ApiEntry, OpenApiDocument } from "../registry.js";
import type { OperationSpec, ParameterSpec } from "./operations.js";

const DOC_ID = "apiforge:spec";
// OpenAPI formats with no JSON Schema meaning: accepted as-is (the type still checks)
const OPENAPI_FORMATS = ["int32", "int64", "float", "double", "byte", "binary", "password", "decimal", "currency", "html", "text"];

function makeAjv(doc: OpenApiDocument, coerce: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    // vendor specs carry keywords and formats of their own; an unknown one must not stop a call
    logger: false,
    validateFormats: true,
    discriminator: false,
    ...(coerce && { coerceTypes: "array" as const }),
  });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  for (const f of OPENAPI_FORMATS) ajv.addFormat(f, true);
  ajv.addSchema(doc as object, DOC_ID);
  return ajv;
}

/** One problem found, worded for a person: where and what. */
export type Problem = string;

/** A request as the CLI has it before sending. */
export interface RequestInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body: unknown;
  hasBody: boolean;
}

function describe(where: string, e: ErrorObject): Problem {
  const at = e.instancePath
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .join(".");
  const target = at ? `${where}.${at}` : where;
  if (e.keyword === "required") return `${target}: missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
  if (e.keyword === "additionalProperties") return `${target}: unknown field "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === "enum") return `${target}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (e.keyword === "type") return `${target}: must be ${String((e.params as { type: string }).type).split(",").join(" or ")}`;
  return `${target}: ${e.message ?? e.keyword}`;
}

/** Validators for one API's document; schemas compile on first use and are kept. */
export class RequestValidator {
  private readonly params: Ajv2020;
  private readonly bodies: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    this.params = makeAjv(doc, true);
    this.bodies = makeAjv(doc, false);
  }

  private compile(ajv: Ajv2020, key: string, schema: object): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = ajv.compile(schema);
      this.cache.set(key, fn);
    }
    return fn;
  }

  private checkGroup(op: OperationSpec, where: ParameterSpec["in"], values: Record<string, unknown>): Problem[] {
    const declared = op.parameters.filter((p) => p.in === where);
    const problems: Problem[] = [];
    for (const name of Object.keys(values)) {
      // header names are case-insensitive
      const known = declared.some((p) => (where === "header" ? p.name.toLowerCase() === name.toLowerCase() : p.name === name));
      if (!known) {
        const list = declared.map((p) => p.name).join(", ") || "none";
        problems.push(`${where} parameter "${name}" is not declared by ${op.operationId} (its ${where} parameters: ${list})`);
      }
    }
    for (const p of declared) {
      if (p.required && values[p.name] === undefined) problems.push(`${where} parameter "${p.name}" is required`);
    }
    const properties: Record<string, object> = {};
    for (const p of declared) if (p.schemaPointer) properties[p.name] = { $ref: `${DOC_ID}#${p.schemaPointer}` };
    const schema = { type: "object", properties };
    const present = Object.fromEntries(Object.entries(values).filter(([k]) => k in properties));
    const fn = this.compile(this.params, `${op.operationId}:${where}`, schema);
    if (!fn(present)) for (const e of fn.errors ?? []) problems.push(describe(where, e));
    // coercion wrote the typed values back (e.g. "50" → 50)
    Object.assign(values, present);
    return problems;
  }

  /** Every problem with the request (empty when it is valid); coerces parameter strings in place. */
  check(op: OperationSpec, input: RequestInput): Problem[] {
    const problems = [...this.checkGroup(op, "path", input.path), ...this.checkGroup(op, "query", input.query), ...this.checkGroup(op, "header", input.header)];
    if (input.hasBody && !op.bodyPointer) problems.push(`${op.operationId} takes no JSON request body, but --data was given`);
    if (!input.hasBody && op.bodyPointer && op.bodyRequired) problems.push(`${op.operationId} needs a JSON request body: pass --data @body.json (or --data - to read stdin)`);
    if (input.hasBody && op.bodyPointer) {
      const fn = this.compile(this.bodies, `${op.operationId}:body`, { $ref: `${DOC_ID}#${op.bodyPointer}` });
      if (!fn(input.body)) for (const e of fn.errors ?? []) problems.push(describe("body", e));
    }
    return problems;
  }
}

const validators = new Map<string, RequestValidator>();

/** The API's request validator, built once per process. */
export function validatorFor(api: ApiEntry): RequestValidator {
  let v = validators.get(api.name);
  if (!v) {
    v = new RequestValidator(api.loadSpec());
    validators.set(api.name, v);
  }
  return v;
}
