// A RateLimitStore in Redis, so several processes that share one API key stay under the limit
// together. Each operation is one atomic Lua script timed by the Redis server's own clock (no
// skew between machines). Keys hold only the limiter's sha256 of the budget key, never the key.
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import type { RateLimitRule, RateLimitStore } from "./stores/store.js";

// KEYS: log (sorted set of send times), pause (epoch ms), seq. ARGV: limit, windowMs.
// Returns 0 when a slot was taken, else the ms to wait.
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local limit = tonumber(ARGV[1])
local win = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - win)
if redis.call('ZCARD', KEYS[1]) < limit then
  local seq = redis.call('INCR', KEYS[3])
  redis.call('ZADD', KEYS[1], now, now .. ':' .. seq)
  redis.call('PEXPIRE', KEYS[1], win)
  redis.call('PEXPIRE', KEYS[3], win)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local wait = tonumber(oldest[2]) + win - now
if wait < 1 then wait = 1 end
return wait
`;

// KEYS: log, pause. ARGV: ms. Extends the pause and clears the log (re-alignment).
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
local cur = tonumber(redis.call('GET', KEYS[2]) or '0')
if now + ms > cur then redis.call('SET', KEYS[2], now + ms, 'PX', ms) end
redis.call('DEL', KEYS[1])
return 0
`;

interface Script {
  src: string;
  sha: string;
}
const script = (src: string): Script => ({ src, sha: createHash("sha1").update(src).digest("hex") });
const takeScript = script(TAKE);
const pauseScript = script(PAUSE);

/** Options of {@link RedisStore}. */
export interface RedisStoreOptions {
  /** An ioredis client (you keep ownership) or a `redis://` URL (the store owns and closes the client). */
  redis: Redis | string;
  /** Prefix of every key the store writes. @default "apiforge:rl" */
  prefix?: string;
}

/** {@link RateLimitStore} on Redis: a shared rolling window and 429 pause per budget key. */
export class RedisStore implements RateLimitStore {
  readonly redis: Redis;
  private readonly owned: boolean;
  private readonly prefix: string;

  constructor(options: RedisStoreOptions) {
    this.owned = typeof options.redis === "string";
    this.redis = typeof options.redis === "string" ? new Redis(options.redis, { lazyConnect: false }) : options.redis;
    this.prefix = options.prefix ?? "apiforge:rl";
  }

  async take(key: string, rule: RateLimitRule): Promise<number> {
    const k = this.keys(key);
    return Number(await this.run(takeScript, [k.log, k.pause, k.seq], [rule.limit, Math.ceil(rule.windowMs)]));
  }

  async pause(key: string, ms: number): Promise<void> {
    const k = this.keys(key);
    await this.run(pauseScript, [k.log, k.pause], [Math.max(1, Math.ceil(ms))]);
  }

  /** Closes the client when the store created it. */
  async close(): Promise<void> {
    if (this.owned) await this.redis.quit();
  }

  // one hash tag per budget so a Redis Cluster keeps a budget's keys on one slot
  private keys(key: string) {
    const base = `${this.prefix}:{${key}}`;
    return { log: `${base}:log`, pause: `${base}:pause`, seq: `${base}:seq` };
  }

  private async run(s: Script, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(s.sha, keys.length, ...keys, ...args);
    } catch (e) {
      if (!String((e as Error)?.message).startsWith("NOSCRIPT")) throw e;
      return this.redis.eval(s.src, keys.length, ...keys, ...args);
    }
  }
}

/** Creates a {@link RedisStore}; pass it as `rateLimit.store`. */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  return new RedisStore(options);
}
