// The mutation corpus: each case takes a deep clone of the committed spec, changes one thing the
// way a vendor might, and states the rule ids, level and bump spec:diff must report. `opticNote`
// explains a case where Optic's verdict is known to differ and why ours is the right one.
import type { Bump, Level } from "../../../packages/spec-diff/src/index.ts";
import { deref, findOp, findProp, jsonMedia, ops, params, rewriteRefs, typeOf, type Op } from "./find.ts";
import { HEADER_CASES } from "./header-cases.ts";

type Doc = Record<string, any>;

export interface CorpusCase {
  name: string;
  mutate: (doc: Doc) => void;
  /** Distinct `LEVEL rule-id` pairs the diff must report, no more and no fewer; [] = no change. */
  want: `${Level} ${string}`[];
  bump: Bump;
  opticNote?: string;
}

const pageSizeName = (doc: Doc): string => doc["x-pagination"]?.pageSizeParam ?? "page_size";

/** The page-size parameter definition (shared in components/parameters in the committed spec). */
function pageSize(doc: Doc): Record<string, any> {
  const name = pageSizeName(doc);
  const o = findOp(doc, `with a ${name} parameter`, (x) => params(doc, x).some((p) => p.name === name && p.in === "query"));
  return params(doc, o).find((p) => p.name === name)!;
}

/** The bulk operation: a JSON request body that is an array with maxItems. */
function bulkBody(doc: Doc): Record<string, any> {
  const o = findOp(doc, "with an array body with maxItems", (x) => {
    const s = deref(doc, jsonMedia(doc, x.op.requestBody)?.media.schema);
    return typeOf(s) === "array" && typeof s.maxItems === "number";
  });
  return deref(doc, jsonMedia(doc, o.op.requestBody)!.media.schema);
}

/** A GET on a path with one template parameter and no other operation, e.g. GET /v1/things/{id}. */
const singleGet = (doc: Doc): Op => findOp(doc, "GET /x/{id} alone on its path", (o) => o.method === "get" && (o.path.match(/\{/g) ?? []).length === 1 && Object.keys(o.item).filter((k) => k !== "parameters").length === 1);
/** An operation sharing its path with another method. */
const sharedPathOp = (doc: Doc): Op => findOp(doc, "sharing its path with another method", (o) => o.method !== "get" && ops(doc).filter((x) => x.path === o.path).length > 1);
/** An operation with a JSON object request body. */
const bodyOp = (doc: Doc): Op => findOp(doc, "with a JSON object body", (o) => typeOf(deref(doc, jsonMedia(doc, o.op.requestBody)?.media.schema)) === "object" || !!deref(doc, jsonMedia(doc, o.op.requestBody)?.media.schema)?.allOf);
const listOp = (doc: Doc): Op => findOp(doc, "paginated", (o) => o.method === "get" && params(doc, o).some((p) => p.name === pageSizeName(doc)));
const optionalQuery = (doc: Doc, pred: (p: Record<string, any>) => boolean = () => true) => {
  for (const o of ops(doc)) {
    const raw = [...(o.op.parameters ?? [])].find((p) => !p.$ref && p.in === "query" && !p.required && pred(p));
    if (raw) return { o, p: raw };
  }
  throw new Error("corpus: no inline optional query parameter");
};
/** A query parameter (inline or shared in components/parameters), resolved: editing it edits every use. */
const queryParam = (doc: Doc, what: string, pred: (p: Record<string, any>) => boolean) => {
  for (const o of ops(doc)) {
    const p = params(doc, o).find((x) => x.in === "query" && pred(x));
    if (p) return p;
  }
  throw new Error(`corpus: no query parameter ${what}`);
};
const success = (o: Op) => Object.keys(o.op.responses).find((c) => /^2\d\d$/.test(c))!;

export const CORPUS: CorpusCase[] = [
  // ── operations ────────────────────────────────────────────────────────────────────────────────
  { name: "whole path removed", want: ["ERR api-path-removed-without-deprecation"], bump: "major", mutate: (d) => void delete d.paths[singleGet(d).path] },
  { name: "operation removed, path kept", want: ["ERR api-removed-without-deprecation"], bump: "major", mutate: (d) => { const o = sharedPathOp(d); delete o.item[o.method]; } },
  {
    name: "operation added",
    want: ["INFO endpoint-added"],
    bump: "minor",
    mutate: (d) => (d.paths["/v1/corpus-health"] = { get: { operationId: "corpusHealth", responses: { "204": { description: "Healthy." } } } }),
  },
  {
    name: "path parameter renamed",
    want: ["ERR request-path-parameter-renamed"],
    bump: "major",
    opticNote: "Optic matches operations by path shape and ignores the name; the URL is the same, but the generated `params.path` type changes key, so SDK callers stop compiling.",
    mutate: (d) => {
      const o = singleGet(d);
      const [, name] = /\{([^}]+)\}/.exec(o.path)!;
      const item = d.paths[o.path];
      delete d.paths[o.path];
      d.paths[o.path.replace(`{${name}}`, `{${name}_renamed}`)] = item;
      for (const holder of [item, item.get]) {
        holder.parameters = holder.parameters?.map((p: unknown) => {
          const r = deref(d, p);
          return r.in === "path" && r.name === name ? { ...r, name: `${name}_renamed` } : p;
        });
      }
    },
  },
  {
    name: "operationId renamed",
    want: ["ERR api-operation-id-removed"],
    bump: "major",
    opticNote: "Optic does not check operationIds; openapi-typescript keys the `operations` type by them, so type references in callers' code break.",
    mutate: (d) => (listOp(d).op.operationId += "Renamed"),
  },
  { name: "operation deprecated", want: ["INFO endpoint-deprecated"], bump: "minor", mutate: (d) => (listOp(d).op.deprecated = true) },

  // ── parameters ────────────────────────────────────────────────────────────────────────────────
  {
    name: "new required query parameter",
    want: ["ERR new-required-request-parameter"],
    bump: "major",
    mutate: (d) => (listOp(d).op.parameters ??= []).push({ name: "corpus_required", in: "query", required: true, schema: { type: "string" } }),
  },
  {
    name: "new optional query parameter",
    want: ["INFO new-optional-request-parameter"],
    bump: "minor",
    mutate: (d) => (listOp(d).op.parameters ??= []).push({ name: "corpus_optional", in: "query", schema: { type: "string" } }),
  },
  { name: "optional parameter became required", want: ["ERR request-parameter-became-required"], bump: "major", mutate: (d) => (optionalQuery(d).p.required = true) },
  {
    name: "parameter type changed",
    want: ["ERR request-parameter-type-changed"],
    bump: "major",
    mutate: (d) => {
      const { p } = optionalQuery(d, (x) => typeOf(x.schema) === "string" && !x.schema.enum);
      p.schema = { ...p.schema, type: "integer" };
    },
  },
  {
    name: "parameter format changed",
    want: ["ERR request-parameter-type-changed"],
    bump: "major",
    mutate: (d) => {
      const { p } = optionalQuery(d, (x) => typeOf(x.schema) === "string" && !x.schema.enum);
      p.schema = { ...p.schema, format: p.schema.format === "uuid" ? "email" : "uuid" };
    },
  },
  { name: "query parameter removed", want: ["ERR request-parameter-removed"], bump: "major", mutate: (d) => { const { o, p } = optionalQuery(d); o.op.parameters.splice(o.op.parameters.indexOf(p), 1); } },
  {
    name: "parameter restricted to an enum",
    want: ["ERR request-parameter-became-enum"],
    bump: "major",
    mutate: (d) => (queryParam(d, "free-text string", (p) => typeOf(p.schema) === "string" && !p.schema.enum && !p.schema.format).schema.enum = ["alpha", "beta"]),
  },
  {
    name: "page minimum raised",
    want: ["ERR request-parameter-min-increased"],
    bump: "major",
    mutate: (d) => (queryParam(d, "page", (p) => p.name === (d["x-pagination"]?.pageParam ?? "page")).schema.minimum += 1),
  },
  {
    name: "page_size maximum 500 → 200",
    want: ["ERR request-parameter-max-decreased", "ERR sdk-page-size-exceeds-maximum"],
    bump: "major",
    mutate: (d) => (pageSize(d).schema.maximum = 200),
  },
  {
    name: "page_size maximum raised",
    want: ["INFO request-parameter-max-increased", "INFO sdk-page-size-below-maximum"],
    bump: "minor",
    mutate: (d) => (pageSize(d).schema.maximum *= 2),
  },
  { name: "parameter description changed", want: ["INFO api-description-changed"], bump: "patch", mutate: (d) => (pageSize(d).description = "Items per page (corpus edit).") },

  // ── request bodies ────────────────────────────────────────────────────────────────────────────
  {
    name: "bulk maxItems 100 → 50",
    want: ["ERR request-body-max-items-decreased", "ERR sdk-bulk-chunk-exceeds-max-items"],
    bump: "major",
    mutate: (d) => (bulkBody(d).maxItems = 50),
  },
  {
    name: "bulk maxItems raised",
    want: ["INFO request-body-max-items-increased", "INFO sdk-bulk-chunk-below-max-items"],
    bump: "minor",
    mutate: (d) => (bulkBody(d).maxItems *= 2),
  },
  {
    name: "request property became required",
    want: ["ERR request-property-became-required"],
    bump: "major",
    mutate: (d) => {
      const { parent, name } = findProp(d, "request", "that is optional", (_, n, par) => !(par.required ?? []).includes(n));
      (parent.required ??= []).push(name);
    },
  },
  {
    name: "new required request property",
    want: ["ERR new-required-request-property"],
    bump: "major",
    mutate: (d) => {
      const { parent } = findProp(d, "request", "in an object", () => true);
      parent.properties.corpus_field = { type: "string" };
      (parent.required ??= []).push("corpus_field");
    },
  },
  {
    name: "new optional request property",
    want: ["INFO new-optional-request-property"],
    bump: "minor",
    mutate: (d) => (findProp(d, "request", "in an object", () => true).parent.properties.corpus_field = { type: "string" }),
  },
  {
    name: "request property restricted to an enum",
    want: ["ERR request-property-became-enum"],
    bump: "major",
    mutate: (d) => (findProp(d, "request", "free-text string", (p) => typeOf(p) === "string" && !p.enum && !p.format).prop.enum = ["alpha", "beta"]),
  },
  {
    name: "response (webhook payload) enum value removed",
    want: ["INFO response-property-enum-value-removed"],
    bump: "patch",
    mutate: (d) => {
      const { prop } = findProp(d, "webhook", "with an enum, or an array of enum items", (p) => Array.isArray(p.enum ?? p.items?.enum));
      (prop.enum ?? prop.items.enum).pop();
    },
  },
  {
    name: "request string maxLength set",
    want: ["ERR request-property-max-length-set"],
    bump: "major",
    mutate: (d) => (findProp(d, "request", "string without maxLength", (p) => typeOf(p) === "string" && p.maxLength === undefined && !p.enum).prop.maxLength = 3),
  },
  {
    name: "request property pattern added",
    want: ["ERR request-property-pattern-added"],
    bump: "major",
    mutate: (d) => (findProp(d, "request", "string without pattern or enum", (p) => typeOf(p) === "string" && !p.pattern && !p.enum && !p.format).prop.pattern = "^[a-z]+$"),
  },
  {
    name: "request property type changed",
    want: ["ERR request-property-type-changed"],
    bump: "major",
    mutate: (d) => {
      const { prop } = findProp(d, "request", "string without enum", (p) => typeOf(p) === "string" && !p.enum);
      prop.type = "integer";
      for (const k of ["format", "pattern", "maxLength", "minLength"]) delete prop[k];
    },
  },
  {
    name: "request media type replaced",
    want: ["ERR request-body-media-type-removed", "INFO request-body-media-type-added"],
    bump: "major",
    mutate: (d) => {
      const body = deref(d, bodyOp(d).op.requestBody);
      const { key, media } = jsonMedia(d, body)!;
      delete body.content[key];
      body.content["application/x-www-form-urlencoded"] = media;
    },
  },

  // ── responses ─────────────────────────────────────────────────────────────────────────────────
  {
    name: "response property removed",
    want: ["ERR response-optional-property-removed"],
    bump: "major",
    mutate: (d) => { const { parent, name } = findProp(d, "response", "optional", (_, n, par) => !par.required?.includes(n)); delete parent.properties[name]; },
  },
  {
    name: "required response property removed",
    want: ["ERR response-required-property-removed"],
    bump: "major",
    mutate: (d) => { const { parent, name } = findProp(d, "response", "required", (_, n, par) => !!par.required?.includes(n)); delete parent.properties[name]; parent.required = parent.required.filter((r: string) => r !== name); },
  },
  {
    name: "response property type changed",
    want: ["ERR response-property-type-changed"],
    bump: "major",
    mutate: (d) => {
      const { prop } = findProp(d, "response", "string", (p) => typeOf(p) === "string" && !p.enum);
      prop.type = Array.isArray(prop.type) ? prop.type.map((t: string) => (t === "string" ? "integer" : t)) : "integer";
      for (const k of ["format", "pattern", "maxLength", "minLength"]) delete prop[k];
    },
  },
  { name: "response property added", want: ["INFO response-optional-property-added"], bump: "minor", mutate: (d) => (findProp(d, "response", "any", () => true).parent.properties.corpus_field = { type: "string" }) },
  {
    name: "response (webhook payload) enum value added",
    want: ["WARN response-property-enum-value-added"],
    bump: "minor",
    opticNote: "Optic treats a new response enum value as compatible; callers with an exhaustive switch over the generated union meet a value they do not handle, so we warn (minor, not major).",
    mutate: (d) => {
      const { prop } = findProp(d, "webhook", "with an enum, or an array of enum items", (p) => Array.isArray(p.enum ?? p.items?.enum));
      (prop.enum ?? prop.items.enum).push("corpus_value");
    },
  },
  {
    name: "response property became nullable",
    want: ["ERR response-property-became-nullable"],
    bump: "major",
    mutate: (d) => {
      const { prop } = findProp(d, "response", "non-nullable string", (p) => p.type === "string" && !p.enum);
      prop.type = ["string", "null"];
    },
  },
  {
    name: "success status changed 2xx → other 2xx",
    want: ["ERR response-success-status-removed", "INFO response-success-status-added"],
    bump: "major",
    mutate: (d) => {
      const o = singleGet(d);
      const code = success(o);
      o.op.responses[code === "200" ? "203" : "200"] = o.op.responses[code];
      delete o.op.responses[code];
    },
  },
  {
    name: "response media type removed",
    want: ["ERR response-media-type-removed", "INFO response-media-type-added"],
    bump: "major",
    mutate: (d) => {
      const o = singleGet(d);
      const res = deref(d, o.op.responses[success(o)]);
      o.op.responses[success(o)] = { ...res, content: Object.fromEntries(Object.entries(res.content).map(([k, v]) => [k.replace("json", "xml"), v])) };
    },
  },
  { name: "error status added", want: ["INFO response-non-success-status-added"], bump: "minor", mutate: (d) => (singleGet(d).op.responses["418"] = { description: "Corpus teapot." }) },

  // ── changes hidden behind $ref and allOf ──────────────────────────────────────────────────────
  {
    name: "response property removed behind a $ref alias",
    want: ["ERR response-optional-property-removed"],
    bump: "major",
    mutate: (d) => {
      // point every use of the schema at an alias that $refs it, then drop a field from the target
      const { parent, name } = findProp(d, "response", "optional", (_, n, par) => !par.required?.includes(n));
      const entry = Object.entries<any>(d.components.schemas).find(([, s]) => s === parent);
      if (!entry) throw new Error("corpus: the response-only property's schema is not a component");
      rewriteRefs(d.paths, `#/components/schemas/${entry[0]}`, "#/components/schemas/CorpusAlias");
      d.components.schemas.CorpusAlias = { $ref: `#/components/schemas/${entry[0]}` };
      delete parent.properties[name];
    },
  },
  {
    name: "request property became required inside allOf",
    want: ["ERR request-property-became-required"],
    bump: "major",
    mutate: (d) => {
      // split the body schema into allOf [its properties, { required: [one more] }]
      const { parent, name } = findProp(d, "request", "that is optional", (_, n, par) => !(par.required ?? []).includes(n));
      const { description, title, ...rest } = parent;
      for (const k of Object.keys(parent)) if (k !== "description" && k !== "title") delete parent[k];
      parent.allOf = [rest, { type: "object", required: [name] }];
    },
  },

  // ── security and servers ──────────────────────────────────────────────────────────────────────
  {
    name: "global security: a scheme callers must also meet",
    want: ["ERR api-global-security-added", "INFO api-security-component-added"],
    bump: "major",
    mutate: (d) => {
      (d.components.securitySchemes ??= {}).CorpusSignature = { type: "apiKey", in: "header", name: "X-Corpus-Signature" };
      d.security = (d.security ?? [{}]).map((req: object) => ({ ...req, CorpusSignature: [] }));
    },
  },
  {
    name: "global security: a new alternative scheme",
    want: ["INFO api-global-security-alternative-added", "INFO api-security-component-added"],
    bump: "minor",
    mutate: (d) => {
      (d.components.securitySchemes ??= {}).CorpusBearer = { type: "http", scheme: "bearer" };
      d.security = [...(d.security ?? []), { CorpusBearer: [] }];
    },
  },
  {
    name: "operation security: a scheme callers must also meet",
    want: ["ERR api-security-added", "INFO api-security-component-added"],
    bump: "major",
    mutate: (d) => {
      (d.components.securitySchemes ??= {}).CorpusSignature = { type: "apiKey", in: "header", name: "X-Corpus-Signature" };
      const o = bodyOp(d);
      o.op.security = (o.op.security ?? d.security ?? [{}]).map((req: object) => ({ ...req, CorpusSignature: [] }));
    },
  },
  { name: "server replaced", want: ["WARN api-server-removed", "INFO api-server-added"], bump: "minor", mutate: (d) => (d.servers = [{ url: "https://corpus.example.test/v1" }]) },

  // ── docs and examples only ────────────────────────────────────────────────────────────────────
  { name: "operation description changed", want: ["INFO api-description-changed"], bump: "patch", mutate: (d) => (listOp(d).op.description = "Corpus: a new description.") },
  { name: "operation summary changed", want: ["INFO api-description-changed"], bump: "patch", mutate: (d) => (listOp(d).op.summary = "Corpus summary") },
  { name: "info description changed", want: ["INFO api-description-changed"], bump: "patch", mutate: (d) => (d.info.description = `${d.info.description ?? ""} Corpus edit.`) },
  {
    name: "schema example changed",
    want: ["INFO api-example-changed"],
    bump: "patch",
    mutate: (d) => (findProp(d, "response", "string", (p) => typeOf(p) === "string").prop.example = "corpus-example"),
  },

  // ── runtime limits stated by vendor extensions ────────────────────────────────────────────────
  {
    name: "rate limit halved",
    want: ["ERR sdk-rate-limit-exceeds-spec"],
    bump: "major",
    opticNote: "Optic does not read x-rate-limit; an SDK pacing to the old limit gets 429s from the new one.",
    mutate: (d) => (d["x-rate-limit"].limit = Math.floor(d["x-rate-limit"].limit / 2)),
  },
  { name: "rate limit raised", want: ["INFO sdk-rate-limit-below-spec"], bump: "patch", mutate: (d) => (d["x-rate-limit"].limit *= 2) },

  // ── no change ─────────────────────────────────────────────────────────────────────────────────
  {
    name: "renamed but equivalent $ref target",
    want: [],
    bump: "none",
    mutate: (d) => {
      const [name, schema] = Object.entries<any>(d.components.schemas).find(([n]) => JSON.stringify(d.paths).includes(`"#/components/schemas/${n}"`))!;
      delete d.components.schemas[name];
      d.components.schemas[`${name}Renamed`] = schema;
      rewriteRefs(d, `#/components/schemas/${name}`, `#/components/schemas/${name}Renamed`);
    },
  },
  {
    name: "reordered paths and keys",
    want: [],
    bump: "none",
    mutate: (d) => {
      const reverse = (v: any): any => (Array.isArray(v) ? v.map(reverse) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverse(x)])) : v);
      const r = reverse(d);
      for (const k of Object.keys(d)) delete d[k];
      Object.assign(d, r);
    },
  },
  {
    name: "inlined $ref'd parameter",
    want: [],
    bump: "none",
    mutate: (d) => {
      const o = listOp(d);
      o.op.parameters = o.op.parameters.map((p: unknown) => structuredClone(deref(d, p)));
    },
  },

  // ── headers and parameter serialisation (header-cases.ts) ─────────────────────────────────────
  ...HEADER_CASES,
];
