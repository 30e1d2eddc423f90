// Adaptive pacing for APIs that document no window. Two sources of truth, used as they appear:
// - budget headers (X-RateLimit-*, RateLimit-*): the remaining budget, less the requests still in
//   flight, is spread evenly over the time left to the reset, so the client slows down before the
//   limit instead of bouncing off it; at 0 it waits for the reset;
// - 429 + Retry-After: the reset instant is now + Retry-After, the budget is what the server accepted
//   since the previous reset, and the window is the gap between two resets (before the second, the
//   time since the first send: a lower bound that the next 429, if any, corrects). The learned
//   window is then kept to by the limiter's rolling window, which cannot overshoot at any phase.
import type { RateLimitInfo } from "./rate-limit-headers.js";

/** What the client currently knows about the server's budget. */
export interface RateLimitBudget {
  /** Budget size announced by the server or learned from 429s. */
  limit?: number;
  /** Requests left until the reset, less those still in flight. */
  remaining?: number;
  /** Time left until the server's window resets. @unit ms */
  resetMs?: number;
  /** The window inferred from 429s (adaptive mode without budget headers). */
  learnedWindow?: { limit: number; windowMs: number };
  /** Attempts sent whose response has not arrived yet. */
  inFlight: number;
}

/** One attempt's outcome as the budget sees it. */
export interface Observation {
  /** Absent when no response arrived. */
  status?: number;
  rateLimit?: RateLimitInfo;
  /** Parsed Retry-After (or vendor variant). @unit ms */
  retryAfterMs?: number;
}

/** Pacing state learned from responses; pure, clock passed in. */
export class AdaptiveBudget {
  private limit: number | undefined;
  private remaining: number | undefined;
  private resetAt: number | undefined;
  private outstanding = 0;
  private lastSendAt = Number.NEGATIVE_INFINITY;
  private firstSendAt: number | undefined;
  private lastResetPoint: number | undefined;
  private resetGap: number | undefined;
  private acceptedSinceReset = 0;
  private learned: { limit: number; windowMs: number } | undefined;

  /** True while the learned window rests on one 429 only (a lower bound the next reset may correct). */
  get windowIsGuess(): boolean {
    return this.learned !== undefined && this.resetGap === undefined;
  }

  /**
   * A probe sent when the guessed window reopened was accepted. The window had filled since the
   * last reset we know of, so the server reset again before answering: the window is at most the
   * time from that reset to now. That upper bound (never below the guess, a lower bound) replaces
   * the guess. Taking the guess itself as confirmed was wrong whenever the first 429 came early in
   * a server window: the window stayed short and every later window cost a 429.
   * @returns the corrected window, for the limiter to enforce.
   */
  confirmWindow(now: number): { limit: number; windowMs: number } | undefined {
    if (!this.learned || this.resetGap !== undefined || this.lastResetPoint === undefined) return undefined;
    this.resetGap = Math.max(this.learned.windowMs, now - this.lastResetPoint);
    this.learned = { limit: this.learned.limit, windowMs: this.resetGap };
    return this.learned;
  }

  /** @param marginMs added after an announced reset, for clock skew and rounding. */
  constructor(private readonly marginMs: number) {}

  /** How long the next send must wait (0: it may go now). */
  wait(now: number): number {
    if (this.resetAt !== undefined && now >= this.resetAt) {
      // the window turned over: assume the full budget until a response says otherwise
      this.remaining = this.limit !== undefined ? Math.max(0, this.limit - this.outstanding) : undefined;
      this.resetAt = undefined;
    }
    if (this.remaining === undefined || this.resetAt === undefined) return 0;
    const left = this.resetAt - now;
    if (this.remaining <= 0) return left;
    // plenty left: no pacing, so short bursts stay fast
    if (this.limit !== undefined && this.remaining > this.limit / 2) return 0;
    const gap = left / this.remaining;
    return Math.max(0, Math.ceil(this.lastSendAt + gap - now));
  }

  /** A send went out at `now`. */
  sent(now: number): void {
    this.outstanding++;
    if (this.remaining !== undefined) this.remaining = Math.max(0, this.remaining - 1);
    this.lastSendAt = now;
    this.firstSendAt ??= now;
  }

  /**
   * Records one attempt's response (or failure).
   * @returns a newly learned window when a 429 taught one, for the limiter to enforce.
   */
  observe(o: Observation, now: number): { limit: number; windowMs: number } | undefined {
    this.outstanding = Math.max(0, this.outstanding - 1);
    const info = o.rateLimit;
    if (info?.limit !== undefined) this.limit = info.limit;
    if (info?.remaining !== undefined) {
      // requests already sent will spend budget the server has not counted yet
      this.remaining = Math.max(0, info.remaining - this.outstanding);
      if (info.resetMs !== undefined) this.resetAt = now + info.resetMs + this.marginMs;
    }
    if (o.status === undefined) return undefined;
    if (o.status !== 429) {
      this.acceptedSinceReset++;
      return undefined;
    }
    return this.learnFrom429(o, now);
  }

  private learnFrom429(o: Observation, now: number): { limit: number; windowMs: number } | undefined {
    if (o.retryAfterMs === undefined) return undefined;
    const resetPoint = now + o.retryAfterMs;
    this.remaining = 0;
    this.resetAt = Math.max(this.resetAt ?? 0, resetPoint + this.marginMs);
    // several 429s of one window (concurrent calls) name the same reset: learn from the first only
    if (this.lastResetPoint !== undefined && resetPoint - this.lastResetPoint < Math.max(2 * this.marginMs, (this.learned?.windowMs ?? 0) / 2)) {
      // each estimate is late by its response's transit time: the earliest is the closest
      this.lastResetPoint = Math.min(this.lastResetPoint, resetPoint);
      return undefined;
    }
    const accepted = this.acceptedSinceReset;
    const limit = o.rateLimit?.limit ?? this.limit ?? (accepted > 0 ? Math.min(accepted, this.learned?.limit ?? accepted) : this.learned?.limit);
    let windowMs: number;
    if (this.lastResetPoint === undefined) {
      // one reset seen: the window is at least as long as the time since our first send (a guess)
      windowMs = resetPoint - (this.firstSendAt ?? now);
    } else {
      // the gap between two resets is a whole number of windows: the smallest seen is the window
      const gap = resetPoint - this.lastResetPoint;
      this.resetGap = Math.min(this.resetGap ?? gap, gap);
      windowMs = this.resetGap;
    }
    this.lastResetPoint = resetPoint;
    this.acceptedSinceReset = 0;
    if (limit === undefined || !(windowMs > 0)) return undefined;
    this.learned = { limit, windowMs };
    return this.learned;
  }

  /** The budget as last read from headers and 429s. */
  snapshot(now: number): RateLimitBudget {
    const out: RateLimitBudget = { inFlight: this.outstanding };
    if (this.limit !== undefined) out.limit = this.limit;
    if (this.remaining !== undefined) out.remaining = this.remaining;
    if (this.resetAt !== undefined) out.resetMs = Math.max(0, this.resetAt - now);
    if (this.learned) out.learnedWindow = { ...this.learned };
    return out;
  }
}
