// One client process for the shared-limit tests:
//   node --import tsx redis-worker.ts '<json: { server, redis?, count, limit, windowMs }>'
// Sends `count` GETs through a transport whose limiter lives in Redis (or in memory when `redis`
// is absent) and prints the statuses as JSON.
import { createTransport } from "../../src/index.js";
import { createRedisStore } from "../../src/redis.js";

const cfg = JSON.parse(process.argv[2]!) as { server: string; redis?: string; count: number; limit: number; windowMs: number };
const store = cfg.redis ? createRedisStore({ redis: cfg.redis }) : undefined;
const t = createTransport({
  rateLimit: { limit: cfg.limit, windowMs: cfg.windowMs, safetyMarginMs: 100, maxConcurrent: 10, store, key: "sk_shared_key_123456" },
  retry: false,
});
const statuses = await Promise.all(
  Array.from({ length: cfg.count }, async (_, i) => {
    const res = await t.fetch(`${cfg.server}/items/${i}`, { headers: { "x-api-key": "sk_shared_key_123456" } });
    await res.arrayBuffer();
    return res.status;
  }),
);
await store?.close();
process.stdout.write(`${JSON.stringify(statuses)}\n`);
