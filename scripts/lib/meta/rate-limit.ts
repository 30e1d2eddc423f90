// Rate limit: the documented window from `x-apiforge-rate-limit` (or the legacy `x-rate-limit`
// Parallax uses), plus concurrency and header names only the extension can state. With no window
// documented the runtime adapts to 429 / Retry-After / X-RateLimit-* instead.
import type { RateLimitMeta } from "../../../packages/runtime/src/api-meta.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { compact, expectObject, invalid, onlyKeys, optBoolean, optNumber, optStrings } from "./extension.ts";

const FIELDS = ["limit", "windowSeconds", "windowMs", "maxConcurrent", "adaptive", "retryAfterHeaders", "remainingHeaders", "limitHeaders"];
// the legacy extension also records how the server counts; informative only
const LEGACY_FIELDS = [...FIELDS, "strategy", "scope"];

function readWindow(value: Record<string, unknown>, at: string): RateLimitMeta["window"] {
  const limit = optNumber(value, "limit", at);
  const windowMs = optNumber(value, "windowMs", at) ?? ((s) => (s === undefined ? undefined : s * 1000))(optNumber(value, "windowSeconds", at));
  if (limit === undefined && windowMs === undefined) return undefined;
  if (limit === undefined || windowMs === undefined || limit < 1 || windowMs <= 0) throw invalid(at, "a window needs both limit (≥ 1) and windowSeconds or windowMs (> 0)");
  return { limit, windowMs };
}

export function extractRateLimit(doc: OpenApiDoc): RateLimitMeta {
  const ours = doc["x-apiforge-rate-limit"];
  const legacy = doc["x-rate-limit"];
  const at = ours !== undefined ? "x-apiforge-rate-limit at the root" : "x-rate-limit at the root";
  const value = expectObject(ours ?? legacy ?? {}, at);
  onlyKeys(value, ours !== undefined ? FIELDS : LEGACY_FIELDS, at);
  const window = readWindow(value, at);
  const maxConcurrent = optNumber(value, "maxConcurrent", at);
  if (maxConcurrent !== undefined && (!Number.isInteger(maxConcurrent) || maxConcurrent < 1)) throw invalid(at, "maxConcurrent must be a whole number ≥ 1");
  return compact({
    window,
    maxConcurrent,
    adaptive: optBoolean(value, "adaptive", at) ?? (window ? undefined : true),
    retryAfterHeaders: optStrings(value, "retryAfterHeaders", at),
    remainingHeaders: optStrings(value, "remainingHeaders", at),
    limitHeaders: optStrings(value, "limitHeaders", at),
  });
}
