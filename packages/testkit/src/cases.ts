// One case per operation of the spec: a valid request built from the spec alone, the statuses it
// may answer, what security it needs, and (when the body has one) a copy missing a required field.
import { deref, exampleOf, requiredProps, sample } from "./samples.js";
import { type SecurityPlan, securityPlan } from "./security.js";
import type { Obj } from "./spec.js";

export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type Method = (typeof METHODS)[number];

export interface OperationCase {
  /** operationId, or `METHOD /path` when the spec gives none. */
  operationId: string;
  method: Method;
  path: string;
  params: { path?: Obj; query?: Obj; header?: Obj; cookie?: Obj };
  body?: unknown;
  mediaType?: string;
  /** The body's schema (after $ref), for the missing-field case. */
  bodySchema?: Obj;
  /** Declared 2xx statuses, ascending. */
  successStatuses: number[];
  /** The lowest success response's media object for the JSON the server returns, if any. */
  successMedia?: Obj;
  security: SecurityPlan;
  /** A valid body with one required field removed, when the body has a required field. */
  missingField?: { body: unknown; field: string };
}

/** A copy of a valid body with one required field removed (in the first item for an array body). */
export function withoutRequiredField(doc: Obj, body: unknown, schemaNode: unknown): { body: unknown; field: string } | undefined {
  const schema = deref(doc, schemaNode) as Obj | undefined;
  if (!schema) return undefined;
  if (Array.isArray(body) && body.length > 0) {
    const inner = withoutRequiredField(doc, body[0], schema.items);
    return inner && { body: [inner.body, ...body.slice(1)], field: inner.field };
  }
  if (typeof body !== "object" || body === null) return undefined;
  const field = requiredProps(doc, schema).find((k) => k in (body as Obj));
  if (!field) return undefined;
  const { [field]: _dropped, ...rest } = body as Obj;
  return { body: rest, field };
}

const BODY_TYPES = [/^application\/json$/, /json/, /^application\/x-www-form-urlencoded$/, /^multipart\/form-data$/, /^text\//, /./];

function pickMedia(content: Obj | undefined): string | undefined {
  const types = Object.keys(content ?? {});
  for (const re of BODY_TYPES) {
    const t = types.find((k) => re.test(k));
    if (t) return t;
  }
  return undefined;
}

/** Every operation in document order, with valid parameters and body. */
export function operationCases(doc: Obj): OperationCase[] {
  const cases: OperationCase[] = [];
  for (const [p, rawItem] of Object.entries<Obj>(doc.paths ?? {})) {
    const item = deref(doc, rawItem) as Obj;
    for (const method of METHODS) {
      const op = item[method] as Obj | undefined;
      if (!op) continue;
      const params: OperationCase["params"] = {};
      // an operation-level parameter overrides a path-level one of the same name and location
      const byKey = new Map<string, Obj>();
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const param = deref(doc, raw) as Obj;
        byKey.set(`${param.in}:${param.name}`, param);
      }
      for (const param of byKey.values()) {
        if (param.in !== "path" && !param.required) continue;
        const where = param.in as keyof OperationCase["params"];
        const schema = param.schema ?? Object.values<Obj>(param.content ?? {})[0]?.schema ?? {};
        params[where] ??= {};
        params[where][param.name] = exampleOf(doc, param) ?? sample(doc, schema) ?? "x";
      }
      const statuses = Object.keys(op.responses ?? {})
        .filter((s) => /^2\d\d$/.test(s))
        .map(Number)
        .sort((a, b) => a - b);
      const success = statuses[0] !== undefined ? (deref(doc, op.responses[String(statuses[0])]) as Obj) : undefined;
      const c: OperationCase = {
        operationId: op.operationId ?? `${method.toUpperCase()} ${p}`,
        method,
        path: p,
        params,
        successStatuses: statuses,
        successMedia: success?.content?.["application/json"],
        security: securityPlan(doc, op),
      };
      const content = (deref(doc, op.requestBody) as Obj | undefined)?.content as Obj | undefined;
      const mediaType = pickMedia(content);
      if (content && mediaType) {
        c.mediaType = mediaType;
        c.bodySchema = deref(doc, content[mediaType].schema ?? {});
        c.body = exampleOf(doc, content[mediaType]) ?? sample(doc, c.bodySchema) ?? {};
        c.missingField = withoutRequiredField(doc, c.body, c.bodySchema);
      }
      cases.push(c);
    }
  }
  return cases;
}
