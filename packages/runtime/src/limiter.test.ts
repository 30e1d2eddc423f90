import { describe, expect, it } from "vitest";
import { FakeClock, flush } from "../test/support/fake-clock.js";
import { fnv1a64, hashKey, RateLimiter, type RateLimiterOptions } from "./limiter.js";
import { MemoryStore } from "./stores/memory.js";
import type { RateLimitStore } from "./stores/store.js";

function setup(opts: Partial<RateLimiterOptions> = {}) {
  const clock = new FakeClock();
  const limiter = new RateLimiter({
    limit: 5,
    windowMs: 1000,
    safetyMarginMs: 0,
    clock: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    ...opts,
  });
  const granted: { id: number; at: number }[] = [];
  const take = (id: number, signal?: AbortSignal) =>
    limiter.acquire(signal).then(() => {
      granted.push({ id, at: clock.now() });
      limiter.release();
    });
  return { clock, limiter, granted, take };
}

/** Largest number of grants inside any half-open interval [t, t + span). */
function maxInAnyWindow(times: number[], span: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= span) j++;
    max = Math.max(max, i - j + 1);
  }
  return max;
}

describe("RateLimiter", () => {
  it("never lets more than `limit` sends into any window, whatever the arrival pattern", async () => {
    const { clock, granted, take } = setup({ limit: 10, windowMs: 1000, safetyMarginMs: 20 });
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const calls: Promise<void>[] = [];
    for (let i = 0; i < 200; i++) {
      // bursts and gaps: sometimes 0 ms apart, sometimes up to 300 ms
      await clock.advance(rnd() < 0.6 ? 0 : Math.floor(rnd() * 300));
      calls.push(take(i));
    }
    while (granted.length < 200) await clock.advance(50);
    await Promise.all(calls);
    expect(maxInAnyWindow(granted.map((g) => g.at), 1020)).toBeLessThanOrEqual(10);
    // FIFO: grant order equals call order
    expect(granted.map((g) => g.id)).toEqual([...Array(200).keys()]);
  });

  it("reaches the full ceiling under load: the next batch goes exactly one window (+ margin) later", async () => {
    const { clock, granted, take } = setup({ limit: 5, windowMs: 1000, safetyMarginMs: 10 });
    const start = clock.now();
    for (let i = 0; i < 15; i++) void take(i);
    await clock.advance(3000);
    expect(granted.map((g) => g.at - start)).toEqual([0, 0, 0, 0, 0, 1010, 1010, 1010, 1010, 1010, 2020, 2020, 2020, 2020, 2020]);
  });

  it("abort while queued rejects with the signal's reason and frees the place for the next call", async () => {
    const { clock, limiter, granted, take } = setup({ limit: 1 });
    await take(0);
    const ac = new AbortController();
    const aborted = take(1, ac.signal);
    void take(2);
    expect(limiter.queueLength).toBe(2);
    ac.abort(new Error("stop"));
    await expect(aborted).rejects.toThrow("stop");
    expect(limiter.queueLength).toBe(1);
    await clock.advance(1000);
    expect(granted.map((g) => g.id)).toEqual([0, 2]);
  });

  it("an aborted or cleared queue leaves no wake-up timer behind (a closed client lets the process exit)", async () => {
    // real timers: the wake-up for a full window is what used to keep a CLI alive after Ctrl-C
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
    const before = timers();
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, safetyMarginMs: 0 });
    await limiter.acquire();
    limiter.release();
    const ctrl = new AbortController();
    const queued = limiter.acquire(ctrl.signal);
    const cleared = limiter.acquire();
    expect(timers()).toBe(before + 1);
    ctrl.abort(new Error("stop"));
    await expect(queued).rejects.toThrow("stop");
    expect(timers(), "one call is still queued: its wake-up stays").toBe(before + 1);
    limiter.clear(new Error("closed"));
    await expect(cleared).rejects.toThrow("closed");
    expect(timers()).toBe(before);
  });

  it("rejects at once when the signal is already aborted", async () => {
    const { limiter } = setup();
    await expect(limiter.acquire(AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
    expect(limiter.queueLength).toBe(0);
  });

  it("a pause holds every call until it ends, then re-aligns: the full budget is available at once", async () => {
    const { clock, limiter, granted, take } = setup({ limit: 3, windowMs: 10_000 });
    for (let i = 0; i < 3; i++) await take(i);
    const t429 = clock.now();
    // the server said Retry-After: 2 s; without re-alignment the next slot would be 10 s away
    await limiter.pause(2000);
    for (let i = 3; i < 9; i++) void take(i);
    await clock.advance(1999);
    expect(granted).toHaveLength(3);
    await clock.advance(100);
    // random() = 0, so jitter is 0: resumes at exactly t429 + 2000 with a fresh window
    expect(granted.slice(3).map((g) => g.at - t429)).toEqual([2000, 2000, 2000]);
    await clock.advance(10_000);
    expect(granted.slice(6).map((g) => g.at - t429)).toEqual([12_000, 12_000, 12_000]);
  });

  it("adds a positive jitter to the pause", async () => {
    const { clock, limiter, granted, take } = setup({ limit: 3, windowMs: 1000, random: () => 0.5 });
    await limiter.pause(100);
    void take(0);
    await clock.advance(100);
    expect(granted).toHaveLength(0);
    await clock.advance(25);
    expect(granted).toHaveLength(1);
  });

  it("caps concurrency with maxConcurrent", async () => {
    const { clock, limiter } = setup({ limit: 100, maxConcurrent: 2 });
    const order: number[] = [];
    const p = [0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i)));
    await flush();
    expect(order).toEqual([0, 1]);
    expect(limiter.inFlight).toBe(2);
    limiter.release();
    await flush();
    expect(order).toEqual([0, 1, 2]);
    limiter.release();
    limiter.release();
    await Promise.all(p);
    expect(limiter.inFlight).toBe(1);
    await clock.advance(0);
  });

  it("keeps FIFO order with an async store and gives the store only the hashed key", async () => {
    const clock = new FakeClock();
    const mem = new MemoryStore({ clock: clock.now });
    const keys = new Set<string>();
    const store: RateLimitStore = {
      take: async (key, rule) => {
        keys.add(key);
        await flush();
        return mem.take(key, rule);
      },
      pause: async (key, ms) => mem.pause(key, ms),
    };
    const limiter = new RateLimiter({ limit: 2, windowMs: 1000, safetyMarginMs: 0, store, key: "sk_live_secret", clock: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    const p = [0, 1, 2, 3].map((i) => limiter.acquire().then(() => order.push(i)));
    await clock.advance(0);
    await clock.advance(0);
    expect(order).toEqual([0, 1]);
    await clock.advance(1000);
    await clock.advance(0);
    await Promise.all(p);
    expect(order).toEqual([0, 1, 2, 3]);
    expect([...keys]).toEqual([hashKey("sk_live_secret")]);
    expect([...keys][0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects nonsense limits", () => {
    expect(() => new RateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
  });
});

describe("hashKey", () => {
  it("is sha256 hex where node:crypto is at hand, and a 64-bit FNV-1a fingerprint elsewhere", () => {
    expect(hashKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // reference vectors of FNV-1a 64
    expect(fnv1a64("")).toBe("fnv1a64:cbf29ce484222325");
    expect(fnv1a64("a")).toBe("fnv1a64:af63dc4c8601ec8c");
    expect(fnv1a64("sk_live_secret")).not.toContain("secret");
  });
});
