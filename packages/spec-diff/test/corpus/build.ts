// Builds the two small documents of a corpus case: the same schema change placed where a caller
// meets it (a query parameter, a request body or property, a response body, property or header),
// written in OpenAPI 3.1 or, for keywords 3.0 has, in 3.0 spelling.
type Obj = Record<string, any>;

export const PLACES = ["request-parameter", "request-body", "request-property", "response-body", "response-property", "response-header"] as const;
/** A property of a deepObject query parameter: only for the cases that name it (`paramProperty`). */
export type PlaceName = (typeof PLACES)[number] | "request-parameter-property";
export type Version = "3.0" | "3.1";

const OTHER = { type: "object", properties: { id: { type: "string" } } };
/** A component the cases may `$ref` (e.g. an allOf part added). */
const COMPONENTS = { schemas: { Extra: { type: "object", properties: { c: { type: "string" } } } } };

/** 3.1 schema → the same constraints in 3.0 spelling; undefined when 3.0 cannot say it. */
export function to30(s: unknown): unknown {
  if (Array.isArray(s)) {
    const out = s.map(to30);
    return out.includes(undefined) ? undefined : out;
  }
  if (!s || typeof s !== "object") return s;
  const out: Obj = {};
  for (const [k, v] of Object.entries(s as Obj)) {
    if (["const", "prefixItems", "contains", "minContains", "maxContains", "propertyNames", "if", "then", "else", "patternProperties", "dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "contentSchema", "contentEncoding", "contentMediaType", "$defs"].includes(k)) return undefined;
    if (k === "type" && Array.isArray(v)) {
      const types = v.filter((t) => t !== "null");
      if (types.length !== 1) return undefined;
      out.type = types[0];
      if (v.includes("null")) out.nullable = true;
    } else if ((k === "exclusiveMaximum" || k === "exclusiveMinimum") && typeof v === "number") {
      out[k === "exclusiveMaximum" ? "maximum" : "minimum"] = v;
      out[k] = true;
    } else if (k === "properties" && v && typeof v === "object") {
      const props: Obj = {};
      for (const [name, p] of Object.entries(v as Obj)) {
        const c = to30(p);
        if (c === undefined) return undefined;
        props[name] = c;
      }
      out.properties = props;
    } else if (v && typeof v === "object" && !["enum", "default", "example", "required", "discriminator"].includes(k)) {
      const c = to30(v);
      if (c === undefined) return undefined;
      out[k] = c;
    } else out[k] = v;
  }
  return out;
}

/** A document with `schema` at `place`; null when the schema cannot be written in `version`. */
export function docWith(schema: unknown, place: PlaceName, version: Version): Obj | null {
  const s = version === "3.0" ? to30(schema) : structuredClone(schema);
  if (s === undefined) return null;
  const wrap = (inner: unknown) => ({ type: "object", properties: { field: inner } });
  const req = place === "request-body" ? s : place === "request-property" ? wrap(s) : OTHER;
  const res = place === "response-body" ? s : place === "response-property" ? wrap(s) : OTHER;
  return {
    openapi: version === "3.0" ? "3.0.3" : "3.1.0",
    info: { title: "Corpus", version: "1.0.0" },
    paths: {
      "/things": {
        get: {
          operationId: "listThings",
          parameters:
            place === "request-parameter"
              ? [{ name: "q", in: "query", schema: s }]
              : place === "request-parameter-property"
                ? [{ name: "q", in: "query", style: "deepObject", explode: true, schema: wrap(s) }]
                : [],
          responses: {
            "200": {
              description: "The things.",
              ...(place === "response-header" ? { headers: { "X-Thing": { schema: s } } } : {}),
              content: { "application/json": { schema: res } },
            },
          },
        },
        post: {
          operationId: "createThing",
          requestBody: { required: true, content: { "application/json": { schema: req } } },
          responses: { "201": { description: "Created." } },
        },
      },
    },
    components: structuredClone(COMPONENTS),
  };
}
