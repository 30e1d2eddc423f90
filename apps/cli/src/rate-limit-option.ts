// `--rate-limit 100/60s` (or `off`): the user's plan may allow more or less than the spec says, and a
// local mock needs no pacing at all.
import { UsageError } from "./context.js";

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The client's `rateLimit` option: `false` (off), `{ limit, windowMs }`, or undefined (the spec's). */
export function rateLimitOption(value: string | undefined): false | { limit: number; windowMs: number } | undefined {
  if (value === undefined) return undefined;
  if (value === "off") return false;
  const m = /^(\d+)\s*\/\s*(\d+(?:\.\d+)?)?\s*(ms|s|m|h)$/.exec(value.trim());
  const limit = m ? Number(m[1]) : Number.NaN;
  const windowMs = m ? Number(m[2] ?? 1) * UNITS[m[3]!]! : Number.NaN;
  if (!m || limit < 1 || !(windowMs > 0)) {
    throw new UsageError(`--rate-limit "${value}" is not requests/window.`, 'write it as e.g. --rate-limit 100/60s, 5/s, 1000/1h, or --rate-limit off.');
  }
  return { limit, windowMs };
}
