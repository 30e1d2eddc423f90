// Servers describe their budget in several header dialects. A window limiter paces on its own; the
// adaptive one paces on these (see adaptive.ts); all of them are also reported in events and errors.
// IETF draft: https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/

/** Rate-limit facts a response announced, normalised. */
export interface RateLimitInfo {
  /** Requests allowed in the current window. */
  limit?: number;
  /** Requests left in the current window. */
  remaining?: number;
  /** Time until the window resets. @unit ms */
  resetMs?: number;
  /** The raw policy string (`RateLimit-Policy` / `X-RateLimit-Policy`), e.g. `100;w=60`. */
  policy?: string;
}

const num = (v: string | null | undefined): number | undefined => {
  if (v == null || v.trim() === "") return undefined;
  const n = Number(v.trim());
  return Number.isFinite(n) && n >= 0 ? n : undefined;
};

// X-RateLimit-Reset is delta-seconds in most APIs but epoch seconds in some (GitHub); a value
// past 2001-09-09 in seconds cannot be a sensible delta, so it is read as a timestamp
const EPOCH_THRESHOLD_S = 1_000_000_000;

function resetToMs(value: string | null | undefined, now: number): number | undefined {
  const n = num(value);
  if (n === undefined) return undefined;
  return n >= EPOCH_THRESHOLD_S ? Math.max(0, n * 1000 - now) : n * 1000;
}

/** Parses `RateLimit: limit=…, remaining=…, reset=…` (draft structured field). */
function parseCombined(value: string): RateLimitInfo {
  const out: RateLimitInfo = {};
  for (const part of value.split(/[,;]/)) {
    const [k, v] = part.split("=").map((s) => s.trim().toLowerCase());
    if (!k || v === undefined) continue;
    if (k === "limit") out.limit = num(v);
    else if (k === "remaining" || k === "r") out.remaining = num(v);
    else if (k === "reset" || k === "t") out.resetMs = resetToMs(v, 0);
  }
  return out;
}

/** Vendor header names read before the standard ones (from `RateLimitMeta`). */
export interface RateLimitHeaderNames {
  remaining?: readonly string[];
  limit?: readonly string[];
}

/**
 * Reads `RateLimit-*`, `X-RateLimit-*` and the combined `RateLimit` header (plus `extra` names).
 * Returns `undefined` when the response carries none of them.
 */
export function parseRateLimitHeaders(headers: Headers, now: number = Date.now(), extra?: RateLimitHeaderNames): RateLimitInfo | undefined {
  const out: RateLimitInfo = {};
  // the vendor's own names first: when a vendor documents them they are the authoritative ones
  for (const name of extra?.remaining ?? []) out.remaining ??= num(headers.get(name));
  for (const name of extra?.limit ?? []) out.limit ??= num(headers.get(name));
  for (const prefix of ["ratelimit-", "x-ratelimit-"]) {
    out.limit ??= num(headers.get(`${prefix}limit`));
    out.remaining ??= num(headers.get(`${prefix}remaining`));
    out.resetMs ??= resetToMs(headers.get(`${prefix}reset`), now);
    out.policy ??= headers.get(`${prefix}policy`) ?? undefined;
  }
  const combined = headers.get("ratelimit");
  if (combined) {
    const c = parseCombined(combined);
    out.limit ??= c.limit;
    out.remaining ??= c.remaining;
    out.resetMs ??= c.resetMs;
  }
  for (const k of Object.keys(out) as (keyof RateLimitInfo)[]) if (out[k] === undefined) delete out[k];
  return Object.keys(out).length ? out : undefined;
}
