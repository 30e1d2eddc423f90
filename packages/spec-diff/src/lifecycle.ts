// Opt-in lifecycle rules on vendor extensions, as oasdiff defines them: `x-sunset` (the date after
// which a deprecated operation may go) and `x-stability-level` (draft < alpha < beta < stable).
// Off unless `DiffOptions.lifecycle` is given, because "today" and the notice period are policy.
import type { DiffContext } from "./context.js";
import type { OpRef } from "./operations.js";
import { ptr } from "./resolve.js";

export interface LifecycleOptions {
  /** The date sunsets are judged against. @default new Date() */
  now?: Date;
  /** Least number of days between a deprecation and its sunset. @default 0 */
  minSunsetDays?: number;
  /** A deprecation without `x-sunset` is an error. @default false */
  requireSunset?: boolean;
}

const LEVELS = ["draft", "alpha", "beta", "stable"];
const DAY = 86_400_000;

/** `x-sunset` as a date: an RFC 3339 date or date-time; null when absent, NaN-dated when unreadable. */
function sunset(op: Record<string, any>): Date | null {
  const raw = op["x-sunset"];
  if (raw === undefined) return null;
  return new Date(raw instanceof Date ? raw.getTime() : /^\d{4}-\d{2}-\d{2}$/.test(String(raw)) ? `${raw}T00:00:00Z` : String(raw));
}
const readable = (d: Date | null): d is Date => !!d && !Number.isNaN(d.getTime());

/** A removed operation: removing it before its announced sunset is an error of its own. Returns true when reported. */
export function removedBeforeSunset(ctx: DiffContext, b: OpRef, pathGone: boolean, o: LifecycleOptions): boolean {
  const s = sunset(b.op);
  if (b.op.deprecated !== true || !readable(s) || s.getTime() <= (o.now ?? new Date()).getTime()) return false;
  ctx.emit(`api-${pathGone ? "path-" : ""}removed-before-sunset`, b.at, null, `${b.name} removed before its sunset date ${s.toISOString().slice(0, 10)}`);
  return true;
}

/** Deprecation notice, sunset moves and stability level of an operation present on both sides. */
export function compareLifecycle(ctx: DiffContext, b: OpRef, h: OpRef, o: LifecycleOptions): void {
  const now = (o.now ?? new Date()).getTime();
  const sb = sunset(b.op);
  const sh = sunset(h.op);
  const at = ptr(h.at, "x-sunset");
  if (h.op.deprecated === true) {
    if (sh && !readable(sh)) ctx.emit("api-deprecated-sunset-parse", null, at, `${h.name}: x-sunset ${JSON.stringify(h.op["x-sunset"])} is not a date (use YYYY-MM-DD)`);
    else if (b.op.deprecated !== true) {
      if (readable(sh)) {
        ctx.emit("endpoint-deprecated-with-sunset", ptr(b.at, "deprecated"), at, `${h.name} deprecated, sunset ${sh.toISOString().slice(0, 10)}`);
        const days = o.minSunsetDays ?? 0;
        if (sh.getTime() < now + days * DAY) ctx.emit("api-sunset-date-too-small", null, at, `${h.name}: sunset ${sh.toISOString().slice(0, 10)} is less than ${days} days away`);
      } else if (o.requireSunset) ctx.emit("api-deprecated-sunset-missing", null, ptr(h.at, "deprecated"), `${h.name} deprecated without an x-sunset date`);
    } else if (readable(sb) && !sh) ctx.emit("sunset-deleted", ptr(b.at, "x-sunset"), null, `${h.name}: x-sunset removed from a deprecated operation`);
    else if (readable(sb) && readable(sh) && sh.getTime() < sb.getTime()) ctx.emit("api-sunset-date-changed-too-small", ptr(b.at, "x-sunset"), at, `${h.name}: sunset moved earlier, from ${sb.toISOString().slice(0, 10)} to ${sh.toISOString().slice(0, 10)}`);
  }
  const lb = b.op["x-stability-level"];
  const lh = h.op["x-stability-level"];
  if (lh !== undefined && !LEVELS.includes(lh)) {
    ctx.emit("api-invalid-stability-level", null, ptr(h.at, "x-stability-level"), `${h.name}: x-stability-level ${JSON.stringify(lh)} is not one of ${LEVELS.join(", ")}`);
  } else if (LEVELS.includes(lb) && LEVELS.includes(lh) && lb !== lh) {
    const down = LEVELS.indexOf(lh) < LEVELS.indexOf(lb);
    ctx.emit(`api-stability-${down ? "decreased" : "increased"}`, ptr(b.at, "x-stability-level"), ptr(h.at, "x-stability-level"), `${h.name}: stability ${down ? "decreased" : "increased"} from ${lb} to ${lh}`);
  }
}
