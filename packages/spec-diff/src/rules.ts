// The rules table: every change the engine can report, with its level and its share of the semver
// bump. Ids follow oasdiff's vocabulary (checker/localizations_src/en/messages.yaml) where it has
// one. Levels are judged for a *typed SDK*: a change that makes callers' code stop compiling is ERR
// even where oasdiff (which judges the wire) says WARN, e.g. a removed request parameter.
import type { Bump, Level } from "./types.js";

export interface Rule {
  level: Level;
  /** What this change alone asks of the version: ERR → major, WARN and additions → minor, docs → patch. */
  bump: Exclude<Bump, "none">;
}

const ERR: Rule = { level: "ERR", bump: "major" };
const WARN: Rule = { level: "WARN", bump: "minor" };
/** Additive: new capability (new operation, optional param, response field…). */
const ADD: Rule = { level: "INFO", bump: "minor" };
/** Compatible and not additive: docs, examples, narrower responses, looser SDK constants. */
const DOC: Rule = { level: "INFO", bump: "patch" };

const REQ_SCOPES = ["request-parameter", "request-body", "request-property"] as const;
const RES_SCOPES = ["response-body", "response-property", "response-header"] as const;
const MAX_LIMITS = ["max", "max-length", "max-items"] as const;
const MIN_LIMITS = ["min", "min-length", "min-items"] as const;

function scoped(scopes: readonly string[], entries: Record<string, Rule>): Record<string, Rule> {
  const out: Record<string, Rule> = {};
  for (const s of scopes) for (const [suffix, rule] of Object.entries(entries)) out[`${s}-${suffix}`] = rule;
  return out;
}

function limits(tighter: Rule, looser: Rule): Record<string, Rule> {
  const out: Record<string, Rule> = {};
  for (const l of MAX_LIMITS) Object.assign(out, { [`${l}-decreased`]: tighter, [`${l}-set`]: tighter, [`${l}-increased`]: looser, [`${l}-unset`]: looser });
  for (const l of MIN_LIMITS) Object.assign(out, { [`${l}-increased`]: tighter, [`${l}-set`]: tighter, [`${l}-decreased`]: looser, [`${l}-unset`]: looser });
  return out;
}

export const RULES: Readonly<Record<string, Rule>> = {
  // operations
  "api-path-removed-without-deprecation": ERR,
  "api-path-removed-with-deprecation": ERR,
  "api-removed-without-deprecation": ERR,
  "api-removed-with-deprecation": ERR,
  "endpoint-added": ADD,
  "endpoint-deprecated": ADD,
  "endpoint-reactivated": DOC,
  // openapi-typescript keys its `operations` interface by operationId, so callers' type references break
  "api-operation-id-removed": ERR,
  "api-operation-id-added": ADD,
  // the generated `params.path` type is keyed by name, so a rename breaks callers though the URL is the same
  "request-path-parameter-renamed": ERR,
  // parameters
  "new-required-request-parameter": ERR,
  "new-optional-request-parameter": ADD,
  "request-parameter-removed": ERR,
  "request-parameter-became-required": ERR,
  "request-parameter-became-optional": ADD,
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
  // request schemas, at the three depths oasdiff names
  ...scoped(REQ_SCOPES, {
    "type-changed": ERR,
    "type-generalized": ADD,
    "became-not-nullable": ERR,
    "became-nullable": ADD,
    "became-enum": ERR,
    "enum-value-removed": ERR,
    "enum-value-added": ADD,
    "pattern-added": ERR,
    // whether a new regex accepts everything the old one did is undecidable in general
    "pattern-changed": WARN,
    "pattern-removed": ADD,
    ...limits(ERR, ADD),
  }),
  "request-property-removed": ERR,
  "new-required-request-property": ERR,
  "new-optional-request-property": ADD,
  "request-property-became-required": ERR,
  "request-property-became-optional": ADD,
  ...scoped(["request-body", "request-property"], { "one-of-removed": ERR, "one-of-added": ADD, "any-of-removed": ERR, "any-of-added": ADD }),
  // responses
  "response-success-status-removed": ERR,
  "response-success-status-added": ADD,
  "response-non-success-status-removed": DOC,
  "response-non-success-status-added": ADD,
  "response-media-type-removed": ERR,
  "response-media-type-added": ADD,
  ...scoped(RES_SCOPES, {
    "type-changed": ERR,
    "became-nullable": ERR,
    "became-not-nullable": DOC,
    // callers that switch over the values meet one they do not handle
    "enum-value-added": WARN,
    "enum-value-removed": DOC,
    "pattern-added": DOC,
    "pattern-changed": DOC,
    "pattern-removed": DOC,
    "one-of-added": WARN,
    "one-of-removed": DOC,
    "any-of-added": WARN,
    "any-of-removed": DOC,
    ...limits(DOC, DOC),
  }),
  "response-property-removed": ERR,
  "response-property-added": ADD,
  "response-property-became-optional": ERR,
  "response-property-became-required": DOC,
  // response headers, and webhook header parameters (the vendor sends them, we read them); header
  // schemas use the response-header-* ids of the response scopes above
  "required-response-header-removed": ERR,
  // oasdiff says WARN; the generated types name every documented header (`components["headers"][…]`)
  // and the runtime paces retries by Retry-After, an optional header
  "optional-response-header-removed": ERR,
  // oasdiff says ERR; a typed SDK reads headers from the untyped `Headers` object, which already
  // answers null, so callers keep compiling but may rely on a value that can now be missing
  "response-header-became-optional": WARN,
  "response-header-became-required": DOC,
  "response-header-added": ADD,
  // security and servers
  "api-security-added": ERR,
  "api-security-alternative-removed": ERR,
  "api-security-alternative-added": ADD,
  "api-security-removed": ADD,
  "api-global-security-added": ERR,
  "api-global-security-alternative-removed": ERR,
  "api-global-security-alternative-added": ADD,
  "api-global-security-removed": ADD,
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
