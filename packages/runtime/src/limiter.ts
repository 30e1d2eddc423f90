// Proactive, client-wide pacing. The server counts in fixed windows whose start we cannot see;
// a client-side fixed window out of phase with it can put 2 × limit into one server window.
// A rolling window (≤ limit sends in ANY interval of windowMs + safetyMarginMs) is safe at every
// alignment and still reaches the ceiling under load. Calls beyond the budget wait in FIFO order;
// a 429 pauses everyone and re-aligns the window (see RateLimitStore.pause).
// Without a documented window the limiter can cap concurrency only, or adapt (see adaptive.ts):
// pace on the budget headers and keep to the window it infers from 429s.
import { AdaptiveBudget, type RateLimitBudget } from "./adaptive.js";
import type { RateLimitMeta } from "./api-meta.js";
import type { PacingOptions } from "./options.js";
import { parseRateLimitHeaders, type RateLimitHeaderNames } from "./rate-limit-headers.js";
import { MemoryStore } from "./stores/memory.js";
import type { RateLimitRule, RateLimitStore } from "./stores/store.js";

/**
 * Options of {@link RateLimiter}: the transport's pacing options plus injectable time.
 * Used directly (without the transport) `safetyMarginMs` defaults to 50 ms.
 */
export type RateLimiterOptions = PacingOptions & {
  clock?: () => number;
  /** Resolves after `ms`; used to wake the queue. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

interface Waiter {
  resolve(waitedMs: number): void;
  reject(reason: unknown): void;
  enqueuedAt: number;
  done: boolean;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

type NodeCrypto = { createHash(alg: string): { update(s: string): { digest(enc: "hex"): string } } };
// Node, Deno and Bun hand out node:crypto synchronously; a static import would break browser bundles.
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.("node:crypto") as NodeCrypto | undefined;

/**
 * A digest of a budget key, so stores never see the raw key: sha256 (hex) where `node:crypto` is
 * available synchronously (Node ≥ 20.16, Deno, Bun), else a 64-bit FNV-1a fingerprint (browsers and
 * edge runtimes, where only the in-memory store exists; it identifies the budget without revealing
 * a key of any realistic length).
 */
export function hashKey(key: string): string {
  return nodeCrypto ? nodeCrypto.createHash("sha256").update(key).digest("hex") : fnv1a64(key);
}

/** 64-bit FNV-1a of the key's UTF-8 bytes, hex, prefixed with its name. */
export function fnv1a64(key: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(key)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return `fnv1a64:${h.toString(16).padStart(16, "0")}`;
}

/**
 * The pacing a spec's `RateLimitMeta` calls for: its window when it documents one, else its
 * concurrency cap, and adaptive pacing whenever no window is documented (a client must stay safe
 * against limits nobody wrote down). `key` identifies the budget (usually the credential).
 */
export function pacingFromMeta(meta: RateLimitMeta, key?: string): PacingOptions {
  const common = {
    ...(meta.maxConcurrent !== undefined && { maxConcurrent: meta.maxConcurrent }),
    ...(meta.retryAfterHeaders && { retryAfterHeaders: meta.retryAfterHeaders }),
    ...(meta.remainingHeaders && { remainingHeaders: meta.remainingHeaders }),
    ...(meta.limitHeaders && { limitHeaders: meta.limitHeaders }),
    ...(key !== undefined && { key }),
  };
  if (meta.window) return { ...common, limit: meta.window.limit, windowMs: meta.window.windowMs, ...(meta.adaptive && { adaptive: true }) };
  return { ...common, adaptive: true };
}

/** Adaptive mode stops reading budget headers on successes after this many answers without one. */
const HEADERLESS_AFTER = 20;


/** Rolling-window limiter with a FIFO queue, optional concurrency cap, adaptive mode and a shared 429 pause. */
export class RateLimiter {
  readonly key: string;
  /** Whether pacing follows the budget the server announces (see adaptive.ts). */
  readonly adaptive: boolean;
  private _rule: RateLimitRule | undefined;
  private readonly documented: boolean;
  private readonly marginMs: number;
  private readonly learner: AdaptiveBudget;
  private readonly headerNames: RateLimitHeaderNames;
  private readonly store: RateLimitStore;
  /** The store answers `take` synchronously (the in-process one), so {@link tryAcquire} may ask it. */
  private readonly syncStore: boolean;
  private readonly maxConcurrent: number;
  private readonly clock: () => number;
  /** An injected sleep (tests' fake clocks); without one the wake-up is our own cancellable timer. */
  private readonly sleep: ((ms: number) => Promise<void>) | undefined;
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly random: () => number;
  private readonly queue: Waiter[] = [];
  private qHead = 0;
  private waiting = 0;
  private active = 0;
  private pumping = false;
  private wakeAt = 0;
  private pausedUntil = 0;
  /** The rolling window made someone wait since the last grant. */
  private windowWasFull = false;
  private lastHeaders: { headers: Headers; at: number } | undefined;
  /** A lone send is testing a guessed window; the rest wait for its answer. */
  private probing = false;
  /** Answers in a row without any budget header (adaptive mode). */
  private headerless = 0;

  constructor(options: RateLimiterOptions) {
    this.documented = options.limit !== undefined || options.windowMs !== undefined;
    if (this.documented && (!(options.limit! >= 1) || !(options.windowMs! > 0))) {
      throw new RangeError(`rateLimit needs limit ≥ 1 and windowMs > 0, got ${options.limit} per ${options.windowMs} ms.`);
    }
    if (!this.documented && !options.adaptive && !(options.maxConcurrent! >= 1)) {
      throw new RangeError("rateLimit needs a window (limit + windowMs), `adaptive: true`, or maxConcurrent ≥ 1; or pass `rateLimit: false`.");
    }
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep;
    this.random = options.random ?? Math.random;
    this.marginMs = options.safetyMarginMs ?? 50;
    this._rule = this.documented ? { limit: Math.floor(options.limit!), windowMs: options.windowMs! + this.marginMs } : undefined;
    this.adaptive = options.adaptive === true;
    this.learner = new AdaptiveBudget(this.marginMs);
    this.headerNames = { remaining: options.remainingHeaders?.map((h) => h.toLowerCase()), limit: options.limitHeaders?.map((h) => h.toLowerCase()) };
    this.maxConcurrent = options.maxConcurrent ?? Number.POSITIVE_INFINITY;
    this.store = options.store ?? new MemoryStore({ clock: this.clock });
    this.syncStore = this.store instanceof MemoryStore;
    this.key = hashKey(options.key ?? "default");
  }

  /** The rolling window in force (documented, or learned in adaptive mode); `undefined` when there is none. */
  get rule(): RateLimitRule | undefined {
    return this._rule;
  }

  /** The server's budget as last read from response headers and 429s. */
  budget(): RateLimitBudget {
    const now = this.clock();
    const out = this.learner.snapshot(now);
    if (this.adaptive || !this.lastHeaders) return out;
    // a window limiter does not pace on headers: they are parsed only when someone asks
    const info = parseRateLimitHeaders(this.lastHeaders.headers, this.lastHeaders.at, this.headerNames);
    if (info?.limit !== undefined) out.limit = info.limit;
    if (info?.remaining !== undefined) out.remaining = info.remaining;
    if (info?.resetMs !== undefined) out.resetMs = Math.max(0, this.lastHeaders.at + info.resetMs - now);
    return out;
  }

  /**
   * Feeds one attempt's outcome back (the transport calls it once per attempt): budget headers,
   * and in adaptive mode the window a 429 teaches. `status` is undefined when no response arrived.
   */
  observe(status: number | undefined, headers: Headers | undefined, retryAfterMs?: number): void {
    const now = this.clock();
    // parsing costs a few µs per response: only the adaptive mode needs it, and once
    // HEADERLESS_AFTER answers in a row carried no budget header the API evidently sends none, so
    // only error answers (where a budget header would matter) are read until one shows up again
    let rateLimit: ReturnType<typeof parseRateLimitHeaders>;
    if (headers && this.adaptive) {
      if (this.headerless < HEADERLESS_AFTER || status === undefined || status >= 400) {
        rateLimit = parseRateLimitHeaders(headers, now, this.headerNames);
        this.headerless = rateLimit ? 0 : this.headerless + 1;
      }
    } else if (headers) this.lastHeaders = { headers, at: now };
    let learned = this.learner.observe({ status, rateLimit, retryAfterMs }, now);
    if (this.probing && status !== undefined && status !== 429) learned = this.learner.confirmWindow(now) ?? learned;
    this.probing = false;
    // a documented window is the vendor's word; a learned one only replaces an earlier guess
    if (learned && this.adaptive && !this.documented) this._rule = { limit: learned.limit, windowMs: learned.windowMs + this.marginMs };
    // only the adaptive mode's wait (or a finished probe) can change on an answer; a window
    // limiter is woken by release() and its timers, and an async store must not be asked twice
    if (this.waiting && this.adaptive) this.pump();
  }

  /** Calls waiting for a slot. */
  get queueLength(): number {
    return this.waiting;
  }

  /** Attempts holding a slot (acquired, not yet released). */
  get inFlight(): number {
    return this.active;
  }

  /**
   * Waits (FIFO) for a send slot; resolves with the time spent waiting (ms). Every successful
   * acquire must be followed by one {@link release}. Rejects with the signal's reason on abort.
   */
  acquire(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const now = this.tryTake();
    if (now === true) return Promise.resolve(0);
    if (now) return this.afterAsyncTake(now, signal);
    return this.enqueue(signal);
  }

  /**
   * {@link acquire}'s fast path on its own: true when a slot was taken right now (release it as
   * after acquire), false when the call must `acquire` and wait. The transport tries this first,
   * so a call that needs no wait costs no promise and no await.
   */
  tryAcquire(): boolean {
    // a shared (async) store cannot answer synchronously: leave it to acquire
    if (!this.syncStore) return false;
    return this.tryTake() === true;
  }

  /** Nobody queued and a slot free right now: true (taken), a pending async take, or undefined (wait). */
  private tryTake(): true | Promise<number> | undefined {
    // FIFO holds (the queue is empty) and no abort listener is needed, which is most of the
    // limiter's per-call cost
    if (this.waiting === 0 && !this.pumping && !this.probing && this.active < this.maxConcurrent && this.pausedUntil <= this.clock() && !this.paceWait()) {
      const r = this._rule ? this.store.take(this.key, this._rule) : 0;
      if (r === 0) {
        this.active++;
        this.sent();
        return true;
      }
      if (typeof r !== "number") return r;
      this.windowWasFull = true;
    }
    return undefined;
  }

  /** An async store answered the fast path: queue the call, and the take's answer serves the head. */
  private afterAsyncTake(r: Promise<number>, signal: AbortSignal | undefined): Promise<number> {
    this.pumping = true;
    const p = this.enqueue(signal);
    this.settleTake(r);
    return p;
  }

  /** Grants the head (or arms a wake-up) once an async take settles; `pumping` holds the queue meanwhile. */
  private settleTake(r: Promise<number>): void {
    r.then(
      (wait) => {
        this.pumping = false;
        if (this.grant(wait)) this.pump();
      },
      (err: unknown) => {
        this.pumping = false;
        this.settle(this.head(), err);
        this.pump();
      },
    );
  }

  private enqueue(signal: AbortSignal | undefined): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const w: Waiter = { resolve, reject, enqueuedAt: this.clock(), done: false, signal, onAbort: undefined };
      if (signal) {
        w.onAbort = () => {
          if (w.done) return;
          w.done = true;
          this.waiting--;
          reject(signal.reason);
          // an aborted head must not hold up the calls behind it
          this.pump();
          this.idleTimer();
        };
        signal.addEventListener("abort", w.onAbort, { once: true });
      }
      this.queue.push(w);
      this.waiting++;
      this.pump();
    });
  }

  /** Gives back a concurrency slot (the rolling window is unaffected: the send happened). */
  release(): void {
    this.active--;
    if (this.waiting) this.pump();
  }

  /**
   * A 429 was observed: no call is dispatched for `ms` plus a small positive jitter (so paused
   * clients do not return in lockstep), and the window re-aligns to the server's.
   */
  async pause(ms: number): Promise<void> {
    const total = ms + this.random() * Math.min(1000, Math.max(10, (this._rule?.windowMs ?? 1000) / 20));
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + total);
    await this.store.pause(this.key, Math.ceil(total));
    this.pump();
  }

  /** Rejects every queued call with `reason` (the store is left open: it may be shared). */
  clear(reason: unknown): void {
    for (let w = this.head(); w; w = this.head()) this.settle(w, reason);
    this.idleTimer();
  }

  /** Nobody is queued any more: a pending wake-up would only keep the process alive (a closed or aborted client). */
  private idleTimer(): void {
    if (this.waiting > 0 || this.wakeTimer === undefined) return;
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAt = 0;
  }

  private head(): Waiter | undefined {
    while (this.qHead < this.queue.length) {
      const w = this.queue[this.qHead]!;
      if (!w.done) {
        // drop the settled prefix now and then so a queue that never empties stays small
        if (this.qHead > 1024 && this.qHead * 2 > this.queue.length) {
          this.queue.splice(0, this.qHead);
          this.qHead = 0;
        }
        return this.queue[this.qHead];
      }
      this.qHead++;
    }
    this.queue.length = 0;
    this.qHead = 0;
    return undefined;
  }

  private pump(): void {
    while (!this.pumping && !this.probing && this.active < this.maxConcurrent && this.head()) {
      const now = this.clock();
      if (this.pausedUntil > now) {
        this.wake(this.pausedUntil - now);
        return;
      }
      const pace = this.paceWait();
      if (pace > 0) {
        this.wake(pace);
        return;
      }
      if (!this._rule) {
        this.grant(0);
        continue;
      }
      const r = this.store.take(this.key, this._rule);
      if (typeof r === "number") {
        if (!this.grant(r)) return;
        continue;
      }
      // async store: hold the queue until this take settles, so the order stays FIFO
      this.pumping = true;
      this.settleTake(r);
      return;
    }
  }

  /** Hands a taken slot to the head waiter; on `wait > 0` arms the wake-up instead. */
  private grant(wait: number): boolean {
    if (wait > 0) {
      this.windowWasFull = true;
      this.wake(wait);
      return false;
    }
    const w = this.head();
    // the waiter aborted while an async take was in flight: the slot is spent, which is merely conservative
    if (!w) return true;
    this.active++;
    this.sent();
    this.settle(w);
    return true;
  }

  private sent(): void {
    this.learner.sent(this.clock());
    // a window learned from one 429 may be too short: when it reopens, one send tests it before the
    // others follow, so a wrong guess costs one 429 instead of one per call in flight
    if (this.windowWasFull && this.adaptive && this.learner.windowIsGuess) this.probing = true;
    this.windowWasFull = false;
  }

  /** Adaptive mode: how long the announced budget says to hold the next send. */
  private paceWait(): number {
    return this.adaptive ? this.learner.wait(this.clock()) : 0;
  }

  private settle(w: Waiter | undefined, err?: unknown): void {
    if (!w) return;
    w.done = true;
    this.waiting--;
    this.qHead++;
    if (w.onAbort) w.signal!.removeEventListener("abort", w.onAbort);
    if (err !== undefined) w.reject(err);
    else w.resolve(this.clock() - w.enqueuedAt);
  }

  private wake(ms: number): void {
    const at = this.clock() + ms;
    // one pending wake-up is enough unless this one is earlier
    if (this.wakeAt && this.wakeAt <= at && this.wakeAt > this.clock()) return;
    this.wakeAt = at;
    const woke = () => {
      if (this.wakeAt === at) this.wakeAt = 0;
      this.pump();
    };
    if (this.sleep) {
      void this.sleep(Math.max(1, ms)).then(woke);
      return;
    }
    clearTimeout(this.wakeTimer);
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      woke();
    }, Math.max(1, ms));
  }
}
