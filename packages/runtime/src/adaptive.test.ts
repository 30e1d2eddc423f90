// AdaptiveBudget as examples: what it concludes from budget headers and from 429s, on a hand-moved clock.
import { describe, expect, it } from "vitest";
import { AdaptiveBudget } from "./adaptive.js";

const MARGIN = 10;

describe("AdaptiveBudget from budget headers", () => {
  it("knows nothing before the first response: no wait", () => {
    expect(new AdaptiveBudget(MARGIN).wait(0)).toBe(0);
  });

  it("bursts while more than half the budget is left, then spreads the rest evenly until the reset", () => {
    const b = new AdaptiveBudget(MARGIN);
    b.sent(0);
    b.observe({ status: 200, rateLimit: { limit: 10, remaining: 9, resetMs: 990 } }, 0);
    expect(b.wait(0)).toBe(0);
    b.sent(0);
    b.observe({ status: 200, rateLimit: { limit: 10, remaining: 4, resetMs: 990 } }, 0);
    // 4 left over 1000 ms (990 + margin): one every 250 ms
    expect(b.wait(0)).toBe(250);
    // 100 ms later: 4 left over 900 ms, so the next may go 225 ms after the last send
    expect(b.wait(100)).toBe(125);
    expect(b.snapshot(0)).toMatchObject({ limit: 10, remaining: 4, resetMs: 1000, inFlight: 0 });
  });

  it("waits for the reset (plus margin) once the budget is spent, then starts afresh", () => {
    const b = new AdaptiveBudget(MARGIN);
    b.sent(0);
    b.observe({ status: 200, rateLimit: { limit: 5, remaining: 0, resetMs: 400 } }, 100);
    expect(b.wait(100)).toBe(410);
    expect(b.wait(510)).toBe(0);
    expect(b.snapshot(510)).toMatchObject({ remaining: 5 });
  });

  it("counts requests still in flight against the remaining budget", () => {
    const b = new AdaptiveBudget(MARGIN);
    for (let i = 0; i < 4; i++) b.sent(0);
    // the first answer says 3 left, but 3 more requests are already on their way
    b.observe({ status: 200, rateLimit: { limit: 10, remaining: 3, resetMs: 500 } }, 0);
    expect(b.snapshot(0)).toMatchObject({ remaining: 0, inFlight: 3 });
    expect(b.wait(0)).toBe(510);
  });
});

describe("AdaptiveBudget from 429s (no budget headers)", () => {
  it("first 429: the budget is what was accepted, the window at least the time since the first send", () => {
    const b = new AdaptiveBudget(MARGIN);
    for (let t = 0; t < 6; t++) {
      b.sent(t * 10);
      expect(b.observe({ status: 200 }, t * 10)).toBeUndefined();
    }
    b.sent(60);
    // the server's window ends 940 ms later
    expect(b.observe({ status: 429, retryAfterMs: 940 }, 60)).toEqual({ limit: 6, windowMs: 1000 });
    expect(b.wait(60)).toBe(950);
  });

  it("second 429: the window is the gap between the two resets; 429s of one window teach once", () => {
    const b = new AdaptiveBudget(MARGIN);
    b.sent(300);
    b.observe({ status: 200 }, 300);
    b.sent(301);
    b.observe({ status: 429, retryAfterMs: 699 }, 301); // reset at 1000; guess 700
    b.sent(302);
    expect(b.observe({ status: 429, retryAfterMs: 698 }, 302)).toBeUndefined(); // same reset
    for (let t = 1000; t < 1003; t++) {
      b.sent(t);
      b.observe({ status: 200 }, t);
    }
    b.sent(1800);
    expect(b.observe({ status: 429, retryAfterMs: 1200 }, 1800)).toEqual({ limit: 1, windowMs: 2000 });
  });

  it("a 429 that announces its limit is believed over the count", () => {
    const b = new AdaptiveBudget(MARGIN);
    b.sent(0);
    b.observe({ status: 200 }, 0);
    b.sent(5);
    expect(b.observe({ status: 429, retryAfterMs: 95, rateLimit: { limit: 60, remaining: 0 } }, 5)).toEqual({ limit: 60, windowMs: 100 });
  });

  it("a 429 without any delay teaches nothing", () => {
    const b = new AdaptiveBudget(MARGIN);
    b.sent(0);
    expect(b.observe({ status: 429 }, 0)).toBeUndefined();
  });
});

describe("AdaptiveBudget: a probe accepted after the guessed window", () => {
  it("bounds the window by the time since the last known reset, not by the guess (a trace where the first 429 came early)", () => {
    // the server's fixed window is 300 ms; our first send at 2 was 110 ms into one, so its end (192) taught a guess of 190
    const b = new AdaptiveBudget(MARGIN);
    for (let i = 0; i < 10; i++) {
      b.sent(2);
      b.observe({ status: 200 }, 3);
    }
    b.sent(14);
    expect(b.observe({ status: 429, retryAfterMs: 178 }, 14)).toEqual({ limit: 10, windowMs: 190 });
    expect(b.windowIsGuess).toBe(true);
    // the next window filled at 254–260; the probe sent when the guess reopened was accepted at 497
    expect(b.confirmWindow(497)).toEqual({ limit: 10, windowMs: 305 });
    expect(b.windowIsGuess).toBe(false);
    // a later 429 two windows on (gap 602) cannot stretch it: the smallest bound stands
    b.sent(741);
    expect(b.observe({ status: 429, retryAfterMs: 53 }, 741)?.windowMs).toBe(305);
  });
});
