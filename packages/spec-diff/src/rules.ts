// The rules table: every change the engine can report, with its level, its share of the semver bump
// and, where our level differs from oasdiff's for the same id, why. Ids follow oasdiff's vocabulary
// (its checker/rules.go) wherever it has one. Levels are judged for a *typed SDK* generated with
// openapi-typescript: a change that makes callers' code stop compiling, or a request the server now
// refuses, is ERR even where oasdiff (which judges the wire) says WARN or INFO.
//
// The general policy, applied per keyword below:
// - request constraint tightened (server refuses what it accepted): ERR; loosened: INFO (additive).
// - response *type* changed in a way the generated types show (type, nullability, const, a property
//   or a union member): ERR, as callers' code stops compiling or its narrowing goes wrong.
// - response *value constraint* loosened (a lower minimum, a longer maxLength, fewer minItems…):
//   WARN. oasdiff says ERR; the generated types carry no bounds, so no caller stops compiling, but
//   code that relied on the old bound (a positive id, a non-empty list) can now misbehave. WARN makes
//   it visible (`--fail-on WARN`) without forcing a major release for a change no type shows.
import type { Bump, Level } from "./types.js";

export interface Rule {
  level: Level;
  /** What this change alone asks of the version: ERR → major, WARN and additions → minor, docs → patch. */
  bump: Exclude<Bump, "none">;
  /** Why the level differs from oasdiff's for the same id (README rule table). */
  why?: string;
}

const ERR: Rule = { level: "ERR", bump: "major" };
const WARN: Rule = { level: "WARN", bump: "minor" };
/** Additive: new capability (new operation, optional param, response field…). */
const ADD: Rule = { level: "INFO", bump: "minor" };
/** Compatible and not additive: docs, examples, narrower responses, looser SDK constants. */
const DOC: Rule = { level: "INFO", bump: "patch" };
const because = (rule: Rule, why: string): Rule => ({ ...rule, why });

const REQ_SCOPES = ["request-parameter", "request-body", "request-property"] as const;
const RES_SCOPES = ["response-body", "response-property", "response-header"] as const;

/** The same keyword rules at every depth oasdiff names (`request-body-…`, `request-property-…`, …). */
function scoped(scopes: readonly string[], entries: Record<string, Rule>): Record<string, Rule> {
  const out: Record<string, Rule> = {};
  for (const s of scopes) for (const [suffix, rule] of Object.entries(entries)) out[`${s}-${suffix}`] = rule;
  return out;
}

/** Bounds: `tighter` for a bound set or moved inward, `looser` for one moved outward or removed. */
function limits(tighter: Rule, looser: Rule): Record<string, Rule> {
  const out: Record<string, Rule> = {};
  for (const l of ["max", "exclusive-max", "max-length", "max-items", "max-contains"]) Object.assign(out, { [`${l}-decreased`]: tighter, [`${l}-set`]: tighter, [`${l}-increased`]: looser, [`${l}-unset`]: looser });
  for (const l of ["min", "exclusive-min", "min-length", "min-items", "min-contains"]) Object.assign(out, { [`${l}-increased`]: tighter, [`${l}-set`]: tighter, [`${l}-decreased`]: looser, [`${l}-unset`]: looser });
  return out;
}

/** 2020-12 keywords that constrain an instance when present: adding one narrows, removing one widens. */
function constraints(added: Rule, removed: Rule): Record<string, Rule> {
  const out: Record<string, Rule> = {};
  for (const k of ["contains", "property-names", "if", "then", "else", "content-schema", "unevaluated-properties", "unevaluated-items", "pattern-property", "dependent-schema", "dependent-required"]) {
    Object.assign(out, { [`${k}-added`]: added, [`${k}-removed`]: removed });
  }
  return out;
}

const LOOSER_RESPONSE = because(WARN, "oasdiff: ERR. Generated types carry no bounds or keyword constraints, so callers keep compiling; code relying on the old constraint may misbehave (see the policy at the top of rules.ts).");
const SET_LIMIT = because(ERR, "oasdiff: WARN. oasdiff allows that the server may have enforced it already; a typed SDK sends what the old spec allowed, and a newly stated limit can refuse it.");

const REQUEST_SCHEMA: Record<string, Rule> = {
  "type-changed": ERR,
  "type-generalized": ADD,
  "list-of-types-widened": ADD,
  "list-of-types-narrowed": ERR,
  "became-not-nullable": ERR,
  "became-nullable": ADD,
  "became-enum": ERR,
  "enum-value-removed": ERR,
  "enum-value-added": ADD,
  "x-extensible-enum-value-removed": ERR,
  // a const is a literal type: callers send exactly that value
  "const-added": ERR,
  "const-changed": ERR,
  "const-removed": ADD,
  // the server applies a default when callers omit the value: their requests now mean something else
  "default-value-added": because(DOC, "oasdiff: ERR for parameters. A newly documented default describes what the server does when the value is omitted; callers' code keeps compiling and sends the same requests."),
  "default-value-changed": because(WARN, "oasdiff: ERR for parameters, INFO for properties. Callers who omit the value get a different behaviour; nothing they wrote stops compiling or is refused."),
  "default-value-removed": because(WARN, "oasdiff: ERR for parameters, INFO for properties. The behaviour when omitted is no longer promised; nothing is refused."),
  "pattern-added": ERR,
  // whether a new regex accepts everything the old one did is undecidable in general
  "pattern-changed": WARN,
  "pattern-removed": ADD,
  "pattern-generalized": ADD,
  ...limits(ERR, ADD),
  "max-set": SET_LIMIT,
  "exclusive-max-set": SET_LIMIT,
  "max-length-set": SET_LIMIT,
  "min-set": SET_LIMIT,
  "exclusive-min-set": SET_LIMIT,
  "min-items-set": SET_LIMIT,
  ...constraints(ERR, ADD),
  "dependent-required-changed": ERR,
  // openapi-typescript turns prefixItems into a tuple type: callers' plain arrays stop type-checking
  "prefix-items-added": because(ERR, "oasdiff: INFO. openapi-typescript generates a tuple from prefixItems, so callers' arrays stop type-checking."),
  "prefix-items-removed": because(ADD, "oasdiff: ERR. The tuple type widens back to an array: every old value still type-checks and is still accepted."),
  "content-encoding-changed": ERR,
  "content-media-type-changed": ERR,
  "discriminator-added": DOC,
  "discriminator-removed": DOC,
  "discriminator-property-name-changed": because(ERR, "oasdiff: INFO. openapi-typescript keys the union's literal tag by the discriminator property: callers' objects stop type-checking."),
  "discriminator-mapping-added": ADD,
  "discriminator-mapping-deleted": because(ERR, "oasdiff: INFO. Callers sending that discriminator value are no longer mapped to a schema."),
  "discriminator-mapping-changed": because(WARN, "oasdiff: INFO. The value now selects another schema; old payloads may no longer validate."),
  // allOf is merged before comparing, so what a part adds or removes is reported as its own change
  "all-of-added": because(DOC, "oasdiff: ERR. allOf parts are merged before comparing, so the properties, requirements and constraints a part brings are reported as their own changes; the part itself is only structure."),
  "all-of-removed": because(DOC, "oasdiff: WARN. allOf parts are merged before comparing; what the removed part carried is reported as its own changes."),
};

const RESPONSE_SCHEMA: Record<string, Rule> = {
  "type-changed": ERR,
  "type-generalized": ERR,
  "type-specialized": DOC,
  "list-of-types-widened": ERR,
  "list-of-types-narrowed": DOC,
  "became-nullable": ERR,
  "became-not-nullable": DOC,
  // callers that switch over the values meet one they do not handle
  "enum-value-added": WARN,
  "enum-value-removed": DOC,
  "const-added": DOC,
  "const-changed": ERR,
  "const-removed": ERR,
  "default-value-added": DOC,
  "default-value-changed": DOC,
  "default-value-removed": DOC,
  "pattern-added": DOC,
  "pattern-changed": DOC,
  "pattern-removed": DOC,
  "pattern-generalized": DOC,
  ...limits(DOC, LOOSER_RESPONSE),
  "one-of-added": because(WARN, "oasdiff: ERR. The generated union gains a member: exhaustive narrowing (a `never` check) flags it, other callers keep compiling."),
  "one-of-removed": DOC,
  "any-of-added": because(WARN, "oasdiff: INFO. The generated union gains a member, as with a oneOf branch added."),
  "any-of-removed": DOC,
  ...constraints(DOC, LOOSER_RESPONSE),
  "dependent-required-changed": because(WARN, "oasdiff: ERR. Not in the generated types; see the response-constraint policy in rules.ts."),
  "prefix-items-added": because(DOC, "oasdiff: ERR. The array type narrows to a tuple: code reading it as an array still type-checks."),
  "prefix-items-removed": because(WARN, "oasdiff: INFO. The tuple type widens to an array: code indexing positions with their tuple types stops type-checking."),
  "content-encoding-changed": ERR,
  "content-media-type-changed": ERR,
  "discriminator-added": DOC,
  "discriminator-removed": DOC,
  "discriminator-property-name-changed": because(ERR, "oasdiff: INFO. Callers narrowing the union by the old tag property no longer compile."),
  "discriminator-mapping-added": because(WARN, "oasdiff: INFO. A new variant arrives, as with a oneOf branch added."),
  "discriminator-mapping-deleted": DOC,
  "discriminator-mapping-changed": because(WARN, "oasdiff: INFO. A tag value now selects another schema."),
  "all-of-added": DOC,
  "all-of-removed": DOC,
};

export const RULES: Readonly<Record<string, Rule>> = {
  // operations
  "api-path-removed-without-deprecation": ERR,
  "api-path-removed-with-deprecation": because(ERR, "oasdiff: INFO. Deprecated or not, the generated method disappears and callers stop compiling."),
  "api-removed-without-deprecation": ERR,
  "api-removed-with-deprecation": because(ERR, "oasdiff: INFO. Deprecated or not, the generated method disappears and callers stop compiling."),
  "endpoint-added": ADD,
  "endpoint-deprecated": ADD,
  "endpoint-reactivated": DOC,
  // lifecycle on vendor extensions (opt-in: DiffOptions.lifecycle)
  "endpoint-deprecated-with-sunset": ADD,
  "api-deprecated-sunset-missing": ERR,
  "api-deprecated-sunset-parse": ERR,
  "api-sunset-date-too-small": ERR,
  "api-sunset-date-changed-too-small": ERR,
  "sunset-deleted": ERR,
  "api-removed-before-sunset": ERR,
  "api-path-removed-before-sunset": ERR,
  "api-stability-decreased": ERR,
  "api-stability-increased": DOC,
  "api-invalid-stability-level": ERR,
  "webhook-added": ADD,
  "webhook-removed": ERR,
  // openapi-typescript keys its `operations` interface by operationId, so callers' type references break
  "api-operation-id-removed": because(ERR, "oasdiff: INFO. openapi-typescript keys `operations` by operationId: callers' type references break."),
  "api-operation-id-added": ADD,
  // the generated `params.path` type is keyed by name, so a rename breaks callers though the URL is the same
  "request-path-parameter-renamed": ERR,
  "api-schema-removed": DOC,
  // parameters
  "new-required-request-parameter": ERR,
  "new-optional-request-parameter": ADD,
  "new-required-request-default-parameter-to-existing-path": ERR,
  "new-optional-request-default-parameter-to-existing-path": ADD,
  "request-parameter-removed": because(ERR, "oasdiff: WARN. The generated params type loses the key: callers passing it stop compiling."),
  "request-parameter-removed-with-deprecation": because(ERR, "oasdiff: INFO. Deprecated or not, callers passing it stop compiling."),
  "request-parameter-became-required": ERR,
  "request-parameter-became-optional": ADD,
  "request-parameter-deprecated": ADD,
  "request-parameter-reactivated": DOC,
  // style/explode in effect (defaults filled in; explode only where the schema is not a scalar):
  // old callers would serialise values the server now parses differently
  "request-parameter-style-changed": ERR,
  "request-parameter-explode-changed": ERR,
  // request body
  "request-body-added-required": ERR,
  "request-body-added-optional": ADD,
  "request-body-removed": ERR,
  "request-body-became-required": ERR,
  "request-body-became-optional": ADD,
  "request-body-media-type-removed": ERR,
  "request-body-media-type-added": ADD,
  "request-body-media-type-schema-added": ERR,
  "request-body-media-type-schema-removed": ADD,
  "request-body-wrapped-in-one-of": because(ADD, "oasdiff: ERR. The body type becomes a union that still contains the old schema: every old call still type-checks and is accepted."),
  // request schemas, at the three depths oasdiff names
  ...scoped(REQ_SCOPES, REQUEST_SCHEMA),
  // inside an object-valued (deepObject) parameter, oasdiff's own ids for these few
  "request-parameter-property-type-changed": because(ERR, "oasdiff: WARN. The generated params type changes: callers passing the old type stop compiling."),
  "request-parameter-property-type-generalized": ADD,
  "request-parameter-property-type-specialized": ERR,
  "request-parameter-property-list-of-types-widened": ADD,
  "request-parameter-property-list-of-types-narrowed": ERR,
  "request-parameter-property-became-nullable": ADD,
  "request-parameter-property-became-not-nullable": ERR,
  "request-parameter-property-enum-value-added": ADD,
  "request-parameter-property-enum-value-removed": ERR,
  "request-property-removed": because(ERR, "oasdiff: WARN. The generated body type loses the property: object literals that set it stop compiling (excess property check)."),
  "new-required-request-property": ERR,
  "new-required-request-property-with-default": ERR,
  "new-optional-request-property": ADD,
  "request-property-became-required": ERR,
  "request-property-became-required-with-default": ERR,
  "request-property-became-optional": ADD,
  "request-property-deprecated": ADD,
  "request-property-reactivated": DOC,
  ...scoped(["request-body", "request-property"], { "one-of-removed": ERR, "one-of-added": ADD, "any-of-removed": ERR, "any-of-added": ADD }),
  // readOnly/writeOnly moves a property out of (or into) one direction; its presence is compared there
  ...Object.fromEntries(
    ["request", "response"].flatMap((d) =>
      ["required", "optional"].flatMap((q) => ["read-only", "not-read-only", "write-only", "not-write-only"].map((w) => [`${d}-${q}-property-became-${w}`, DOC])),
    ),
  ),
  "response-required-property-became-not-write-only": WARN,
  // responses
  "response-success-status-removed": ERR,
  "response-success-status-added": ADD,
  "response-non-success-status-removed": DOC,
  "response-non-success-status-added": ADD,
  "response-media-type-removed": ERR,
  "response-media-type-added": ADD,
  "response-body-media-type-schema-added": ADD,
  "response-body-media-type-schema-removed": WARN,
  "response-body-wrapped-in-one-of": ERR,
  ...scoped(RES_SCOPES, RESPONSE_SCHEMA),
  "response-required-property-removed": ERR,
  "response-optional-property-removed": because(ERR, "oasdiff: WARN. The generated type loses the property: callers reading it stop compiling."),
  "response-required-property-added": ADD,
  "response-optional-property-added": ADD,
  "response-required-write-only-property-added": DOC,
  "response-optional-write-only-property-added": DOC,
  "response-required-write-only-property-removed": DOC,
  "response-optional-write-only-property-removed": DOC,
  "response-property-became-optional": ERR,
  "response-property-became-required": DOC,
  "response-property-deprecated": ADD,
  "response-property-reactivated": DOC,
  // response headers, and webhook header parameters (the vendor sends them, we read them); header
  // schemas use the response-header-* ids of the response scopes above
  "required-response-header-removed": ERR,
  "optional-response-header-removed": because(ERR, "oasdiff: WARN. The generated types name every documented header and the runtime paces retries by Retry-After, an optional header."),
  "response-header-became-optional": because(WARN, "oasdiff: ERR. Headers are read from the untyped `Headers` object, which already answers null: callers keep compiling but may rely on a value that can now be missing."),
  "response-header-became-required": DOC,
  "response-header-added": ADD,
  // security and servers
  "api-security-added": because(ERR, "oasdiff: INFO. Callers that met the old requirement are now refused."),
  "api-security-alternative-removed": ERR,
  "api-security-alternative-added": ADD,
  "api-security-removed": ADD,
  "api-global-security-added": because(ERR, "oasdiff: INFO. Callers that met the old requirement are now refused."),
  "api-global-security-alternative-removed": ERR,
  "api-global-security-alternative-added": ADD,
  "api-global-security-removed": ADD,
  "api-security-scope-added": because(ERR, "oasdiff: INFO. Tokens without the new scope are now refused."),
  "api-security-scope-removed": ADD,
  "api-global-security-scope-added": because(ERR, "oasdiff: INFO. Tokens without the new scope are now refused."),
  "api-global-security-scope-removed": ADD,
  "api-security-component-added": ADD,
  "api-security-component-removed": DOC,
  "api-security-component-type-changed": because(ERR, "oasdiff: INFO. The SDK's auth strategy is chosen by the scheme type: credentials are sent the wrong way."),
  "api-security-component-oauth-scope-added": ADD,
  "api-security-component-oauth-scope-removed": because(WARN, "oasdiff: INFO. Tokens requested with that scope may be refused."),
  "api-security-component-oauth-scope-changed": DOC,
  "api-security-component-oauth-token-url-changed": because(WARN, "oasdiff: INFO. The OAuth client-credentials strategy fetches tokens from this URL."),
  "api-security-component-oauth-url-changed": because(WARN, "oasdiff: INFO. Authorization flows use this URL."),
  "api-server-removed": WARN,
  "api-server-added": ADD,
  // docs only
  "api-description-changed": DOC,
  "api-example-changed": DOC,
  "api-tag-added": DOC,
  "api-tag-removed": DOC,
  // runtime limits: the SDK's generated constants against the head spec
  "sdk-page-size-exceeds-maximum": ERR,
  "sdk-page-size-below-maximum": DOC,
  "sdk-bulk-chunk-exceeds-max-items": ERR,
  "sdk-bulk-chunk-below-max-items": DOC,
  "sdk-rate-limit-exceeds-spec": ERR,
  "sdk-rate-limit-below-spec": DOC,
};

const BUMP_ORDER: Bump[] = ["none", "patch", "minor", "major"];

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_ORDER.indexOf(a) >= BUMP_ORDER.indexOf(b) ? a : b;
}
