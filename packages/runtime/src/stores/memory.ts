// Default store: one process, one ring buffer of send times per key.
import type { RateLimitRule, RateLimitStore } from "./store.js";

interface Log {
  /** The send times of the last `limit` sends, oldest at `head` once full. */
  times: Float64Array;
  head: number;
  count: number;
  pausedUntil: number;
}

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /** Current time. @default Date.now @unit ms */
  clock?: () => number;
}

/** In-process {@link RateLimitStore}: O(1) per take, memory O(limit) per key. */
export class MemoryStore implements RateLimitStore {
  private readonly logs = new Map<string, Log>();
  private readonly clock: () => number;

  constructor(options: MemoryStoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
  }

  take(key: string, rule: RateLimitRule): number {
    const now = this.clock();
    const log = this.log(key, rule.limit);
    if (log.pausedUntil > now) return log.pausedUntil - now;
    if (log.count < rule.limit) {
      log.times[(log.head + log.count) % rule.limit] = now;
      log.count++;
      return 0;
    }
    // full: the oldest of the last `limit` sends decides; the new send may happen once it is a
    // whole window old, so no interval of windowMs ever holds more than `limit` sends
    const oldest = log.times[log.head]!;
    const wait = oldest + rule.windowMs - now;
    if (wait > 0) return Math.ceil(wait);
    log.times[log.head] = now;
    log.head = (log.head + 1) % rule.limit;
    return 0;
  }

  pause(key: string, ms: number): void {
    const log = this.logs.get(key);
    const until = this.clock() + ms;
    if (!log) {
      this.logs.set(key, { times: new Float64Array(0), head: 0, count: 0, pausedUntil: until });
      return;
    }
    log.pausedUntil = Math.max(log.pausedUntil, until);
    log.head = 0;
    log.count = 0;
  }

  private log(key: string, limit: number): Log {
    let log = this.logs.get(key);
    if (!log || log.times.length !== limit) {
      // a new rule starts a fresh log but keeps a running pause
      log = { times: new Float64Array(limit), head: 0, count: 0, pausedUntil: log?.pausedUntil ?? 0 };
      this.logs.set(key, log);
    }
    return log;
  }
}
