// createTransport: the base transport (transport-base.ts: retries, timeouts, typed errors) with
// the rate limiter its options describe. Pacing is on by default (DEFAULT_RATE_LIMIT); `rateLimit:
// false` turns it off.
import { RateLimiter } from "./limiter.js";
import { DEFAULT_RATE_LIMIT, defaultSafetyMargin, type TransportOptions } from "./options.js";
import { createBaseTransport, type Transport } from "./transport-base.js";

export type { Transport } from "./transport-base.js";

/** The limiter `options.rateLimit` describes, or `undefined` for `rateLimit: false`. */
export function limiterFor(o: TransportOptions): RateLimiter | undefined {
  if (o.rateLimit === false) return undefined;
  const rl = o.rateLimit ?? DEFAULT_RATE_LIMIT;
  return new RateLimiter({
    ...rl,
    safetyMarginMs: rl.safetyMarginMs ?? (rl.windowMs !== undefined ? defaultSafetyMargin(rl.windowMs) : undefined),
    clock: o.clock ?? Date.now,
    sleep: o.sleep,
    random: o.random,
  });
}

/** Builds the transport. Defaults are documented on {@link TransportOptions}. */
export function createTransport(options: TransportOptions = {}): Transport {
  return createBaseTransport(options, limiterFor(options));
}

/** The plain fetch-wrapper form of {@link createTransport}. */
export function createResilientFetch(options: TransportOptions = {}): typeof fetch {
  return createTransport(options).fetch;
}
