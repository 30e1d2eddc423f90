// Cost of a listing before making it: how many requests, and how much of the rate-limit window.

/** Input of {@link estimatePagination}. */
export interface EstimateInput {
  /** Items the listing holds (the server's `total`). */
  total: number;
  /** Items per page. */
  pageSize: number;
  /** The limiter's budget, or `null` when pacing is off. */
  rateLimit: { limit: number; windowMs: number } | null;
}

/** What a listing will cost. */
export interface PaginationEstimate {
  total: number;
  pageSize: number;
  /** Page requests needed: ceil(total / pageSize), and 1 for an empty listing. */
  requests: number;
  /** Requests as a share of one rate-limit window (1 = the whole window). `null` without a limit. */
  windowShare: number | null;
  /**
   * Least time pacing forces, in milliseconds: every full window beyond the first must wait for
   * the window to roll. 0 when the listing fits one window or pacing is off.
   */
  minDurationMs: number;
}

/** Estimates a page-number listing from a known total. */
export function estimatePagination({ total, pageSize, rateLimit }: EstimateInput): PaginationEstimate {
  const requests = Math.max(1, Math.ceil(total / pageSize));
  if (!rateLimit) return { total, pageSize, requests, windowShare: null, minDurationMs: 0 };
  return {
    total,
    pageSize,
    requests,
    windowShare: requests / rateLimit.limit,
    minDurationMs: Math.max(0, Math.ceil(requests / rateLimit.limit) - 1) * rateLimit.windowMs,
  };
}
