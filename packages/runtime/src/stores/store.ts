// The limiter's shared state lives behind this small async interface, so several processes that
// share one API key can share one budget (see ../redis.ts). Keys are already hashed by the limiter.

/** The rolling-window rule a store enforces. */
export interface RateLimitRule {
  /** Most sends allowed in any interval of `windowMs`. */
  limit: number;
  /** Window length, already including the safety margin. @unit ms */
  windowMs: number;
}

/** Where the rolling-window log and the 429 pause are kept. */
export interface RateLimitStore {
  /**
   * Takes one send slot for `key` when the rolling window (and no pause) allows it now.
   * @returns 0 when the slot was taken, else how long to wait before asking again (ms).
   */
  take(key: string, rule: RateLimitRule): number | Promise<number>;
  /**
   * Stops every client on `key` for `ms` and re-aligns the window to the server's: sends made
   * before the pause no longer count once it ends (the server's next window starts then).
   */
  pause(key: string, ms: number): void | Promise<void>;
  /** Releases connections the store owns. */
  close?(): void | Promise<void>;
}
