import { describe, expect, it } from "vitest";
import { estimatePagination } from "./estimate.js";

const rateLimit = { limit: 100, windowMs: 60_000 };

describe("estimatePagination", () => {
  it.each([
    [0, 1, 0.01, 0],
    [500, 1, 0.01, 0],
    [2345, 5, 0.05, 0],
    [50_000, 100, 1, 0],
    [50_001, 101, 1.01, 60_000],
    [200_000, 400, 4, 180_000],
  ])("total %i → %i requests, %f of the window, at least %i ms", (total, requests, windowShare, minDurationMs) => {
    expect(estimatePagination({ total, pageSize: 500, rateLimit })).toEqual({ total, pageSize: 500, requests, windowShare, minDurationMs });
  });

  it("has no window share without a rate limit", () => {
    expect(estimatePagination({ total: 1000, pageSize: 500, rateLimit: null })).toEqual({ total: 1000, pageSize: 500, requests: 2, windowShare: null, minDurationMs: 0 });
  });
});
