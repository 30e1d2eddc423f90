// The limiter without a documented window: a concurrency cap alone, and the adaptive mode fed by
// observe() (budget headers, 429s), on a fake clock.
import { describe, expect, it } from "vitest";
import { FakeClock, flush } from "../test/support/fake-clock.js";
import { pacingFromMeta, RateLimiter, type RateLimiterOptions } from "./limiter.js";

function setup(opts: RateLimiterOptions) {
  const clock = new FakeClock(0);
  const limiter = new RateLimiter({ clock: clock.now, sleep: clock.sleep, random: () => 0, safetyMarginMs: 10, ...opts });
  const granted: number[] = [];
  const take = () => limiter.acquire().then(() => granted.push(clock.now()));
  return { clock, limiter, granted, take };
}

const headers = (h: Record<string, string>) => new Headers(h);

describe("RateLimiter: concurrency cap alone", () => {
  it("lets at most maxConcurrent in flight, with no window and no wait otherwise", async () => {
    const { limiter, granted, take } = setup({ maxConcurrent: 2 });
    expect(limiter.rule).toBeUndefined();
    for (let i = 0; i < 5; i++) void take();
    await flush();
    expect([granted.length, limiter.inFlight, limiter.queueLength]).toEqual([2, 2, 3]);
    limiter.release();
    await flush();
    expect([granted.length, limiter.inFlight]).toEqual([3, 2]);
    for (let i = 0; i < 3; i++) limiter.release();
    await flush();
    expect(granted).toEqual([0, 0, 0, 0, 0]);
  });

  it("refuses options that pace nothing, naming the choices", () => {
    expect(() => new RateLimiter({} as RateLimiterOptions)).toThrow(/a window \(limit \+ windowMs\), `adaptive: true`, or maxConcurrent ≥ 1/);
  });
});

describe("RateLimiter: adaptive", () => {
  it("holds sends once the announced budget is spent, until the reset, and reports the budget", async () => {
    const { clock, limiter, granted, take } = setup({ adaptive: true });
    await take();
    limiter.release();
    limiter.observe(200, headers({ "x-ratelimit-limit": "3", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0.5" }));
    expect(limiter.budget()).toMatchObject({ limit: 3, remaining: 0, resetMs: 510 });
    void take();
    await clock.advance(500);
    expect(granted).toEqual([0]);
    await clock.advance(10);
    expect(granted).toEqual([0, 510]);
  });

  it("reads a vendor's own remaining/limit headers", () => {
    const { limiter } = setup({ adaptive: true, remainingHeaders: ["X-Quota-Left"], limitHeaders: ["X-Quota"] });
    limiter.observe(200, headers({ "x-quota": "100", "x-quota-left": "7" }));
    expect(limiter.budget()).toMatchObject({ limit: 100, remaining: 7 });
  });

  it("stops reading budget headers on successes after 20 answers without any, and resumes when an error answer carries them", () => {
    const { limiter } = setup({ adaptive: true });
    for (let i = 0; i < 20; i++) limiter.observe(200, headers({ "content-type": "application/json" }));
    // the API has shown it sends none: a success is no longer parsed
    limiter.observe(200, headers({ "x-ratelimit-limit": "50", "x-ratelimit-remaining": "40" }));
    expect(limiter.budget().remaining).toBeUndefined();
    // an error answer still is, and one that carries a budget turns reading back on
    limiter.observe(500, headers({ "x-ratelimit-limit": "50", "x-ratelimit-remaining": "30" }));
    expect(limiter.budget()).toMatchObject({ limit: 50, remaining: 30 });
    limiter.observe(200, headers({ "x-ratelimit-limit": "50", "x-ratelimit-remaining": "29" }));
    expect(limiter.budget()).toMatchObject({ remaining: 29 });
  });

  it("after 429s without headers, keeps to the window they taught", async () => {
    const { clock, limiter, granted, take } = setup({ adaptive: true });
    // 3 accepted, then a 429 saying the window ends in 700 ms
    for (let i = 0; i < 3; i++) {
      await take();
      limiter.release();
      limiter.observe(200, undefined);
    }
    await take();
    limiter.release();
    limiter.observe(429, undefined, 700);
    await limiter.pause(700);
    expect(limiter.rule).toEqual({ limit: 3, windowMs: 710 });
    for (let i = 0; i < 4; i++) void take().then(() => limiter.release());
    await clock.advance(720);
    // three at the reset, the fourth held by the learned rolling window
    expect(granted.slice(4)).toEqual([710, 710, 710]);
    await clock.advance(800);
    expect(granted.slice(7)).toEqual([1420]);
  });

  it("when a window guessed from one 429 reopens, a single probe goes first; a second 429 then teaches the real window", async () => {
    const { clock, limiter, granted, take } = setup({ adaptive: true });
    // 2 accepted from t=0, then a 429 at t=0 saying the window ends at 200 (the real window is 300)
    for (let i = 0; i < 2; i++) {
      await take();
      limiter.release();
      limiter.observe(200, undefined);
    }
    await take();
    limiter.release();
    limiter.observe(429, undefined, 200);
    await limiter.pause(200);
    expect(limiter.rule).toEqual({ limit: 2, windowMs: 210 });
    for (let i = 0; i < 5; i++) void take().then(() => limiter.release());
    // the reset, plus the safety margin
    await clock.advance(210);
    expect(granted.slice(3)).toEqual([210, 210]);
    limiter.observe(200, undefined);
    limiter.observe(200, undefined);
    await clock.advance(210);
    // the guessed window reopened at 420: one probe only, the rest wait for its answer
    expect(granted.slice(5)).toEqual([420]);
    expect(limiter.queueLength).toBe(2);
    // the probe is refused: the server's window really ends at 500, 300 after the last reset
    limiter.observe(429, undefined, 80);
    await limiter.pause(80);
    expect(limiter.rule).toEqual({ limit: 2, windowMs: 310 });
    await clock.advance(100);
    expect(granted.slice(6)).toEqual([510, 510]);
  });

  it("an accepted probe bounds the guessed window (at most the time since the known reset): no more probes", async () => {
    const { clock, limiter, granted, take } = setup({ adaptive: true });
    await take();
    limiter.release();
    limiter.observe(200, undefined);
    await take();
    limiter.release();
    limiter.observe(429, undefined, 100); // reset at 100, guess: window 100, limit 1
    await limiter.pause(100);
    for (let i = 0; i < 4; i++) void take().then(() => limiter.release());
    await clock.advance(110);
    expect(granted.slice(2)).toEqual([110]);
    limiter.observe(200, undefined);
    await clock.advance(110);
    // the probe at 220 was the guess's first test: one send, its answer awaited
    expect(granted.slice(3)).toEqual([220]);
    expect(limiter.queueLength).toBe(2);
    limiter.observe(200, undefined);
    // the server reset between the known reset (100) and the probe's answer (220): the window is
    // 100–120 ms, so 120 (+ 10 margin) is kept, and paces alone, with no probe pause between windows
    expect(limiter.rule).toEqual({ limit: 1, windowMs: 130 });
    await clock.advance(130);
    await clock.advance(130);
    expect(granted.slice(4)).toEqual([350, 480]);
  });

  it("a documented window is never replaced by a learned one", () => {
    const { limiter } = setup({ adaptive: true, limit: 50, windowMs: 1000 });
    limiter.observe(200, undefined);
    limiter.observe(429, undefined, 300);
    expect(limiter.rule).toEqual({ limit: 50, windowMs: 1010 });
  });

  it("without adaptive, headers are still read for budget() but do not hold sends", async () => {
    const { limiter, granted, take } = setup({ limit: 100, windowMs: 1000 });
    limiter.observe(200, headers({ "ratelimit-limit": "10", "ratelimit-remaining": "0", "ratelimit-reset": "5" }));
    await take();
    expect(granted).toEqual([0]);
    expect(limiter.budget()).toMatchObject({ limit: 10, remaining: 0 });
  });
});

describe("pacingFromMeta", () => {
  it.each<[string, { meta: Parameters<typeof pacingFromMeta>[0]; want: object }]>([
    ["a documented window", { meta: { window: { limit: 100, windowMs: 60_000 } }, want: { limit: 100, windowMs: 60_000 } }],
    [
      "a concurrency cap with vendor delay headers (Sage)",
      { meta: { maxConcurrent: 2, retryAfterHeaders: ["X-IA-*-RetryAfter"] }, want: { maxConcurrent: 2, retryAfterHeaders: ["X-IA-*-RetryAfter"], adaptive: true } },
    ],
    ["nothing documented: adaptive (StrawBlond)", { meta: {}, want: { adaptive: true } }],
    ["a window that also adapts", { meta: { window: { limit: 5, windowMs: 1000 }, adaptive: true }, want: { limit: 5, windowMs: 1000, adaptive: true } }],
  ])("%s", (_name, { meta, want }) => {
    expect(pacingFromMeta(meta)).toEqual(want);
    expect(() => new RateLimiter(pacingFromMeta(meta))).not.toThrow();
  });

  it("keys the budget when asked", () => {
    expect(pacingFromMeta({}, "key-1")).toMatchObject({ key: "key-1" });
  });
});
