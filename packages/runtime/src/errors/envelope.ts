// Error bodies as data: an API's `meta.errors.envelopes` say where the message, code, field
// details and ids sit (Sage's `ia::result.ia::error`, Laravel's `{ message, errors }`, a problem
// document with `trace_id`). The first envelope whose root is an object in the body wins.
import type { ErrorEnvelopeMeta, ErrorsMeta } from "../api-meta.js";
import { valueAt } from "../field-path.js";

/** One problem the server found in the request. */
export interface ValidationIssue {
  /** The field it concerns, when the server said. */
  field?: string;
  message: string;
  /** The server's code for this problem, when it gave one. */
  code?: string;
}

/** What an envelope yielded; every field is optional because bodies vary even within one API. */
export interface ParsedError {
  message?: string;
  code?: string;
  errorId?: string;
  requestId?: string;
  details: ValidationIssue[];
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined);

/** Reads `body` with the first matching envelope; `undefined` when none matches. */
export function parseErrorBody(body: unknown, errors: Pick<ErrorsMeta, "envelopes"> | undefined): ParsedError | undefined {
  for (const envelope of errors?.envelopes ?? []) {
    const root = valueAt(body, envelope.root);
    if (root === null || typeof root !== "object" || Array.isArray(root)) continue;
    // a root-level ("") envelope matches any object: require one of its fields to be present
    if (envelope.root === "" && !hasAny(root, envelope)) continue;
    return fromEnvelope(root, envelope);
  }
  return undefined;
}

function hasAny(root: object, e: ErrorEnvelopeMeta): boolean {
  return [e.message, e.code, e.details, e.errorId, e.requestId].some((p) => p !== undefined && valueAt(root, p) !== undefined);
}

function fromEnvelope(root: object, e: ErrorEnvelopeMeta): ParsedError {
  const parsed: ParsedError = { details: e.details === undefined ? [] : issuesFrom(valueAt(root, e.details)) };
  const message = text(valueAt(root, e.message));
  const code = text(valueAt(root, e.code));
  const errorId = text(valueAt(root, e.errorId));
  const requestId = text(valueAt(root, e.requestId));
  if (message) parsed.message = message;
  if (code) parsed.code = code;
  if (errorId) parsed.errorId = errorId;
  if (requestId) parsed.requestId = requestId;
  return parsed;
}

/** Field problems from an array of strings/objects or a `field → message(s)` map (Laravel). */
export function issuesFrom(raw: unknown): ValidationIssue[] {
  if (Array.isArray(raw)) return raw.flatMap(issueFromItem);
  if (raw && typeof raw === "object") {
    return Object.entries(raw).flatMap(([field, msgs]) => (Array.isArray(msgs) ? msgs : [msgs]).map((m) => ({ field, message: String(m) })));
  }
  return [];
}

function issueFromItem(item: unknown): ValidationIssue[] {
  if (typeof item === "string") return [{ message: item }];
  if (!item || typeof item !== "object") return [];
  const o = item as Record<string, unknown>;
  const message = String(o.message ?? o.detail ?? o.reason ?? JSON.stringify(o));
  const where = o.field ?? o.name ?? o.pointer ?? o.location ?? o.target ?? o.property;
  const field = Array.isArray(where) ? where.join(".") : typeof where === "string" ? where : undefined;
  const code = text(o.code);
  return [{ ...(field && { field }), message, ...(code && { code }) }];
}
