// Progress of a listing on stderr (cli-progress), only when stderr is a terminal and not --quiet:
// items, items/s, ETA from the server's total, the rate-limit budget left and retries so far.
// Piped or redirected, nothing is drawn, so scripts read clean stderr.
import type { AttemptEvent, RateLimiter } from "@apiforge/runtime";
import { SingleBar } from "cli-progress";
import type { CommandContext } from "./context.js";

/** What a command reports while it works. */
export interface Progress {
  /** Items done so far, and the total once the server said it. */
  update(items: number, total: number | null): void;
  /** Every HTTP attempt (retries and budget come from here). */
  attempt(event: AttemptEvent): void;
  stop(): void;
}

const NONE: Progress = { update() {}, attempt() {}, stop() {} };

function budgetText(limiter: RateLimiter | undefined, last: AttemptEvent | undefined, sent: number[]): string {
  const b = limiter?.budget() ?? last?.budget;
  const rule = limiter?.rule;
  if (b?.remaining !== undefined && b.limit !== undefined) return `${b.remaining}/${b.limit} left`;
  if (b?.remaining !== undefined) return `${b.remaining} left`;
  if (rule) {
    // no budget headers: count this process's sends in the rolling window, as the limiter does
    const since = Date.now() - rule.windowMs;
    while (sent.length && sent[0]! < since) sent.shift();
    return `${Math.max(0, rule.limit - sent.length)}/${rule.limit} left`;
  }
  return "n/a";
}

/** A progress display for `ctx`, or a silent one when stderr is not a TTY (or --quiet). */
export function createProgress(ctx: CommandContext, label: string, limiter: () => RateLimiter | undefined): Progress {
  if (!ctx.isTTY.stderr || ctx.flags.quiet) return NONE;
  const started = Date.now();
  let retries = 0;
  const sent: number[] = [];
  let last: AttemptEvent | undefined;
  let bar: SingleBar | undefined;
  let withTotal = false;
  const payload = (items: number) => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    return { label, rate: (items / secs).toFixed(1), budget: budgetText(limiter(), last, sent), retries };
  };
  const make = (total: number | null) => {
    withTotal = total !== null;
    const format = withTotal
      ? "{label} [{bar}] {value}/{total} items | {rate} items/s | ETA {eta_formatted} | budget {budget} | retries {retries}"
      : "{label} {value} items | {rate} items/s | budget {budget} | retries {retries}";
    bar = new SingleBar({ stream: ctx.stderr as NodeJS.WritableStream, format, fps: 5, hideCursor: true, clearOnComplete: false, etaBuffer: 50 });
    bar.start(total ?? 0, 0, payload(0));
  };
  return {
    update(items, total) {
      if (!bar || (total !== null && !withTotal)) {
        bar?.stop();
        make(total);
      }
      if (total !== null) bar!.setTotal(total);
      bar!.update(items, payload(items));
    },
    attempt(event) {
      last = event;
      sent.push(Date.now());
      if (event.attempt > 1) retries++;
    },
    stop() {
      bar?.stop();
    },
  };
}
