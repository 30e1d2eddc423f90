// API-level corpus: each case edits one thing in a copy of api-base.yaml, the way a vendor might,
// and lists the `LEVEL rule-id` pairs the diff must report. `options` turns on opt-in rules.
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import type { DiffOptions } from "../../src/index.js";

type Doc = Record<string, any>;

export interface ApiCase {
  name: string;
  edit: (d: Doc) => void;
  want: string[];
  options?: DiffOptions;
  oasdiff?: string;
}

const text = readFileSync(new URL("./api-base.yaml", import.meta.url), "utf8");
/** A fresh copy of the base document. */
export const apiBase = (): Doc => load(text) as Doc;

const list = (d: Doc) => d.paths["/v1/orders"].get;
const create = (d: Doc) => d.paths["/v1/orders"].post;
const getOne = (d: Doc) => d.paths["/v1/orders/{order_id}"].get;
const del = (d: Doc) => d.paths["/v1/orders/{order_id}"].delete;
const param = (d: Doc, name: string) => list(d).parameters.find((p: Doc) => p.name === name);
const oauth = (d: Doc) => d.components.securitySchemes.OAuth;
const LIFECYCLE: DiffOptions = { lifecycle: { now: new Date("2030-01-01T00:00:00Z"), minSunsetDays: 90, requireSunset: true } };

export const API_CASES: ApiCase[] = [
  // ── operations ──
  { name: "path removed", want: ["ERR api-path-removed-without-deprecation"], edit: (d) => void delete d.paths["/v1/orders"] },
  { name: "operation removed", want: ["ERR api-removed-without-deprecation"], edit: (d) => void delete d.paths["/v1/orders/{order_id}"].get },
  { name: "deprecated operation removed", want: ["ERR api-removed-with-deprecation"], edit: (d) => void delete d.paths["/v1/orders/{order_id}"].delete },
  { name: "deprecated path removed", want: ["ERR api-path-removed-with-deprecation"], edit: (d) => void delete d.paths["/v1/legacy-report"], oasdiff: "INFO: the generated method disappears" },
  { name: "operation added", want: ["INFO endpoint-added"], edit: (d) => (d.paths["/v1/orders/{order_id}"].patch = { operationId: "updateOrder", responses: { "200": { description: "Updated." } } }) },
  { name: "operation deprecated", want: ["INFO endpoint-deprecated"], edit: (d) => (getOne(d).deprecated = true) },
  { name: "operation reactivated", want: ["INFO endpoint-reactivated"], edit: (d) => void delete del(d).deprecated },
  { name: "operationId changed", want: ["ERR api-operation-id-removed"], edit: (d) => (getOne(d).operationId = "fetchOrder") },
  { name: "operationId added", want: ["INFO api-operation-id-added"], edit: (d) => (d.webhooks.orderShipped.post.operationId = "onShipped") },
  { name: "tag added", want: ["INFO api-tag-added"], edit: (d) => list(d).tags.push("reports") },
  { name: "tag removed", want: ["INFO api-tag-removed"], edit: (d) => (list(d).tags = []) },
  { name: "summary changed", want: ["INFO api-description-changed"], edit: (d) => (list(d).summary = "List orders") },
  { name: "path parameter renamed", want: ["ERR request-path-parameter-renamed"], edit: (d) => { const item = d.paths["/v1/orders/{order_id}"]; delete d.paths["/v1/orders/{order_id}"]; item.parameters[0].name = "id"; d.paths["/v1/orders/{id}"] = item; } },
  // ── parameters ──
  { name: "required parameter added", want: ["ERR new-required-request-parameter"], edit: (d) => list(d).parameters.push({ name: "region", in: "query", required: true, schema: { type: "string" } }) },
  { name: "optional parameter added", want: ["INFO new-optional-request-parameter"], edit: (d) => list(d).parameters.push({ name: "region", in: "query", schema: { type: "string" } }) },
  { name: "required parameter added to the path item", want: ["ERR new-required-request-default-parameter-to-existing-path"], edit: (d) => d.paths["/v1/orders/{order_id}"].parameters.push({ name: "X-Region", in: "header", required: true, schema: { type: "string" } }) },
  { name: "optional parameter added to the path item", want: ["INFO new-optional-request-default-parameter-to-existing-path"], edit: (d) => (d.paths["/v1/orders"].parameters = [{ name: "trace", in: "query", schema: { type: "boolean" } }]) },
  { name: "parameter removed", want: ["ERR request-parameter-removed"], edit: (d) => (list(d).parameters = list(d).parameters.filter((p: Doc) => p.name !== "status")), oasdiff: "WARN: callers passing it stop compiling" },
  { name: "deprecated parameter removed", want: ["ERR request-parameter-removed-with-deprecation"], edit: (d) => (list(d).parameters = list(d).parameters.filter((p: Doc) => p.name !== "legacy")) },
  { name: "parameter deprecated", want: ["INFO request-parameter-deprecated"], edit: (d) => (param(d, "status").deprecated = true) },
  { name: "parameter reactivated", want: ["INFO request-parameter-reactivated"], edit: (d) => void delete param(d, "legacy").deprecated },
  { name: "parameter became optional", want: ["INFO request-parameter-became-optional"], edit: (d) => (param(d, "X-Tenant").required = false) },
  { name: "parameter became required", want: ["ERR request-parameter-became-required"], edit: (d) => (param(d, "status").required = true) },
  { name: "parameter style changed", want: ["ERR request-parameter-style-changed"], edit: (d) => (param(d, "ids").style = "pipeDelimited") },
  { name: "parameter explode changed", want: ["ERR request-parameter-explode-changed"], edit: (d) => (param(d, "ids").explode = false) },
  { name: "explode written out as its default", want: [], edit: (d) => (param(d, "ids").explode = true) },
  // ── request and response bodies ──
  { name: "request body became optional", want: ["INFO request-body-became-optional"], edit: (d) => (create(d).requestBody.required = false) },
  { name: "request body became required", want: ["ERR request-body-became-required"], edit: (d) => (d.paths["/v1/orders/{order_id}"].put.requestBody.required = true) },
  { name: "request media type gained a schema", want: ["ERR request-body-media-type-schema-added"], edit: (d) => (d.paths["/v1/orders/{order_id}"].put.requestBody.content["application/octet-stream"].schema = { type: "string", format: "binary" }) },
  { name: "request body removed", want: ["ERR request-body-removed"], edit: (d) => void delete create(d).requestBody },
  { name: "required request body added", want: ["ERR request-body-added-required"], edit: (d) => (getOne(d).requestBody = { required: true, content: { "application/json": { schema: { type: "object" } } } }) },
  { name: "optional request body added", want: ["INFO request-body-added-optional"], edit: (d) => (getOne(d).requestBody = { content: { "application/json": { schema: { type: "object" } } } }) },
  { name: "request media type added", want: ["INFO request-body-media-type-added"], edit: (d) => (create(d).requestBody.content["application/xml"] = { schema: { type: "object" } }) },
  { name: "request media type removed", want: ["ERR request-body-media-type-removed", "INFO request-body-media-type-added"], edit: (d) => { const c = create(d).requestBody.content; c["application/merge+json"] = c["application/json"]; delete c["application/json"]; } },
  { name: "request media type lost its schema", want: ["INFO request-body-media-type-schema-removed"], edit: (d) => void delete create(d).requestBody.content["application/json"].schema },
  { name: "response media type lost its schema", want: ["WARN response-body-media-type-schema-removed"], edit: (d) => void delete getOne(d).responses["200"].content["application/json"].schema },
  { name: "response media type gained a schema", want: ["INFO response-body-media-type-schema-added"], edit: (d) => (create(d).responses["400"].content["application/problem+json"].schema = { type: "object" }) },
  { name: "success status removed", want: ["ERR response-success-status-removed", "INFO response-success-status-added"], edit: (d) => { const r = create(d).responses; r["200"] = r["201"]; delete r["201"]; } },
  { name: "error status removed", want: ["INFO response-non-success-status-removed"], edit: (d) => void delete create(d).responses["400"] },
  { name: "error status added", want: ["INFO response-non-success-status-added"], edit: (d) => (create(d).responses["409"] = { description: "Conflict." }) },
  { name: "response media type removed", want: ["ERR response-media-type-removed"], edit: (d) => void delete d.paths["/v1/legacy-report"].get.responses["200"].content["text/csv"] },
  { name: "response media type added", want: ["INFO response-media-type-added"], edit: (d) => (getOne(d).responses["200"].content["application/xml"] = { schema: { type: "object" } }) },
  { name: "response body wrapped in a oneOf", want: ["ERR response-body-wrapped-in-one-of"], edit: (d) => (getOne(d).responses["200"].content["application/json"].schema = { oneOf: [{ $ref: "#/components/schemas/Order" }, { type: "array", items: { $ref: "#/components/schemas/Order" } }] }) },
  { name: "request body wrapped in a oneOf", want: ["INFO request-body-wrapped-in-one-of"], edit: (d) => (create(d).requestBody.content["application/json"].schema = { oneOf: [{ $ref: "#/components/schemas/Order" }, { type: "array", items: { $ref: "#/components/schemas/Order" } }] }), oasdiff: "ERR: every old body still type-checks and is accepted" },
  { name: "shared schema change reported once", want: ["ERR response-property-became-nullable", "INFO request-property-became-nullable"], edit: (d) => (d.components.schemas.Order.properties.total.type = ["number", "null"]) },
  // ── headers ──
  { name: "required response header removed", want: ["ERR required-response-header-removed"], edit: (d) => void delete list(d).responses["200"].headers["X-Total"] },
  { name: "optional response header removed", want: ["ERR optional-response-header-removed"], edit: (d) => void delete list(d).responses["200"].headers["X-Next"], oasdiff: "WARN" },
  { name: "response header became optional", want: ["WARN response-header-became-optional"], edit: (d) => (list(d).responses["200"].headers["X-Total"].required = false), oasdiff: "ERR" },
  { name: "response header became required", want: ["INFO response-header-became-required"], edit: (d) => (list(d).responses["200"].headers["X-Next"].required = true) },
  { name: "response header added", want: ["INFO response-header-added"], edit: (d) => (list(d).responses["200"].headers["X-Cursor"] = { schema: { type: "string" } }) },
  { name: "shared response header type changed", want: ["ERR response-header-type-changed"], edit: (d) => (d.components.responses.TooMany.headers["Retry-After"].schema = { type: "string", format: "date-time" }) },
  { name: "response header became nullable", want: ["ERR response-header-became-nullable"], edit: (d) => (list(d).responses["200"].headers["X-Total"].schema.type = ["integer", "null"]) },
  { name: "webhook header parameter removed", want: ["ERR required-response-header-removed"], edit: (d) => (d.webhooks.orderShipped.post.parameters = []) },
  // ── webhooks ──
  { name: "webhook added", want: ["INFO webhook-added"], edit: (d) => (d.webhooks.orderCancelled = structuredClone(d.webhooks.orderShipped)) },
  { name: "webhook removed", want: ["ERR webhook-removed"], edit: (d) => void delete d.webhooks.orderShipped },
  // ── security ──
  { name: "security scheme required in addition", want: ["ERR api-security-added"], edit: (d) => (getOne(d).security = [{ ApiKey: [], OAuth: ["orders:read"] }]) },
  { name: "global scheme required in addition", want: ["ERR api-global-security-added"], edit: (d) => (d.security = [{ ApiKey: [], OAuth: [] }]) },
  { name: "scope added to a requirement", want: ["ERR api-security-scope-added"], edit: (d) => create(d).security[0].OAuth.push("orders:read") },
  { name: "scope removed from a requirement", want: ["INFO api-security-scope-removed"], edit: (d) => (create(d).security = [{ OAuth: [] }]) },
  { name: "authentication made optional", want: ["INFO api-security-removed"], edit: (d) => create(d).security.push({}) },
  { name: "global authentication made optional", want: ["INFO api-global-security-removed"], edit: (d) => d.security.push({}) },
  { name: "global scheme replaced", want: ["ERR api-global-security-alternative-removed", "INFO api-global-security-alternative-added"], edit: (d) => (d.security = [{ OAuth: ["orders:read"] }]) },
  { name: "global alternative added", want: ["INFO api-global-security-alternative-added"], edit: (d) => d.security.push({ OAuth: [] }) },
  { name: "global scope added", want: ["ERR api-global-security-scope-added"], edit: (d) => (d.security = [{ ApiKey: ["orders"] }]) },
  { name: "security scheme added", want: ["INFO api-security-component-added"], edit: (d) => (d.components.securitySchemes.Basic = { type: "http", scheme: "basic" }) },
  { name: "security scheme removed", want: ["INFO api-security-component-removed"], edit: (d) => void delete d.components.securitySchemes.OAuth },
  { name: "security scheme type changed", want: ["ERR api-security-component-type-changed"], edit: (d) => (d.components.securitySchemes.ApiKey = { type: "http", scheme: "bearer" }) },
  { name: "oauth token URL changed", want: ["WARN api-security-component-oauth-token-url-changed"], edit: (d) => (oauth(d).flows.clientCredentials.tokenUrl = "https://login.corpus.test/token") },
  { name: "oauth authorization URL changed", want: ["WARN api-security-component-oauth-url-changed"], edit: (d) => (oauth(d).flows.authorizationCode.authorizationUrl = "https://login.corpus.test/authorize") },
  { name: "oauth scope added", want: ["INFO api-security-component-oauth-scope-added"], edit: (d) => (oauth(d).flows.clientCredentials.scopes["orders:admin"] = "Admin.") },
  { name: "oauth scope removed", want: ["WARN api-security-component-oauth-scope-removed"], edit: (d) => void delete oauth(d).flows.authorizationCode.scopes["orders:read"] },
  { name: "oauth scope description changed", want: ["INFO api-security-component-oauth-scope-changed"], edit: (d) => (oauth(d).flows.clientCredentials.scopes["orders:read"] = "Read all orders.") },
  // ── servers ──
  { name: "server removed", want: ["WARN api-server-removed", "INFO api-server-added"], edit: (d) => (d.servers = [{ url: "https://eu.corpus.test" }]) },
  { name: "operation-level server added", want: ["WARN api-server-removed", "INFO api-server-added"], edit: (d) => (getOne(d).servers = [{ url: "https://files.corpus.test" }]) },
  { name: "path-level server equal to the document's", want: [], edit: (d) => (d.paths["/v1/orders/{order_id}"].servers = [{ url: "https://api.corpus.test" }]) },
  // ── lifecycle (opt-in) ──
  { name: "lifecycle off: removal before sunset is a plain removal", want: ["ERR api-removed-with-deprecation"], edit: (d) => void delete d.paths["/v1/orders/{order_id}"].delete },
  { name: "operation removed before its sunset", options: LIFECYCLE, want: ["ERR api-removed-before-sunset"], edit: (d) => void delete d.paths["/v1/orders/{order_id}"].delete },
  { name: "path removed after its sunset", options: LIFECYCLE, want: ["ERR api-path-removed-with-deprecation"], edit: (d) => void delete d.paths["/v1/legacy-report"] },
  { name: "deprecated with a sunset", options: LIFECYCLE, want: ["INFO endpoint-deprecated", "INFO endpoint-deprecated-with-sunset"], edit: (d) => Object.assign(getOne(d), { deprecated: true, "x-sunset": "2031-01-01" }) },
  { name: "deprecated without a sunset", options: LIFECYCLE, want: ["INFO endpoint-deprecated", "ERR api-deprecated-sunset-missing"], edit: (d) => (getOne(d).deprecated = true) },
  { name: "deprecated with too short a notice", options: LIFECYCLE, want: ["INFO endpoint-deprecated", "INFO endpoint-deprecated-with-sunset", "ERR api-sunset-date-too-small"], edit: (d) => Object.assign(getOne(d), { deprecated: true, "x-sunset": "2030-02-01" }) },
  { name: "sunset not a date", options: LIFECYCLE, want: ["INFO endpoint-deprecated", "ERR api-deprecated-sunset-parse"], edit: (d) => Object.assign(getOne(d), { deprecated: true, "x-sunset": "next spring" }) },
  { name: "sunset moved earlier", options: LIFECYCLE, want: ["ERR api-sunset-date-changed-too-small"], edit: (d) => (del(d)["x-sunset"] = "2998-01-01") },
  { name: "sunset deleted", options: LIFECYCLE, want: ["ERR sunset-deleted"], edit: (d) => void delete del(d)["x-sunset"] },
  { name: "stability decreased", options: LIFECYCLE, want: ["ERR api-stability-decreased"], edit: (d) => (getOne(d)["x-stability-level"] = "alpha") },
  { name: "stability increased", options: LIFECYCLE, want: ["INFO api-stability-increased"], edit: (d) => (getOne(d)["x-stability-level"] = "stable") },
  { name: "stability level invalid", options: LIFECYCLE, want: ["ERR api-invalid-stability-level"], edit: (d) => (getOne(d)["x-stability-level"] = "gold") },
];
