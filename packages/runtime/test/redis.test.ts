// Several processes sharing one key and one Redis stay under the limit together.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./support/shared.js";
import { hashKey } from "../src/index.js";
import { RedisStore } from "../src/redis.js";
import { startFaultServer } from "./support/fault-server.js";
import { type RedisHandle, startRedis } from "./support/redis-server.js";

const WORKER = fileURLToPath(new URL("./support/redis-worker.ts", import.meta.url));
let redis: RedisHandle;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.stop());

function runWorker(cfg: object): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER, JSON.stringify(cfg)], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.once("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

async function sharedRun(processes: number, useRedis: boolean) {
  const limit = 40;
  const windowMs = 500;
  const server = await startFaultServer({ window: { limit, windowMs, offsetMs: Math.floor(Math.random() * windowMs) } });
  try {
    const cfg = { server: server.url, redis: useRedis ? redis.url : undefined, count: 80, limit, windowMs };
    const statuses = (await Promise.all(Array.from({ length: processes }, () => runWorker(cfg)))).flat();
    return { statuses, rejected: server.rejected(), received: server.log.length };
  } finally {
    await server.close();
  }
}

describe("RedisStore", () => {
  it.each([2, 3])("%i processes sharing one key stay under the limit together", { timeout: 60_000 }, async (n) => {
    const { statuses, rejected, received } = await sharedRun(n, true);
    expect(rejected).toBe(0);
    expect(received).toBe(n * 80);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it("control: the same processes with in-memory stores do overrun the server", { timeout: 60_000 }, async () => {
    const { rejected } = await sharedRun(2, false);
    expect(rejected).toBeGreaterThan(0);
  });

  it("keys hold the sha256 of the budget key, never the key itself; pause blocks and clears the window", async () => {
    const client = new Redis(redis.url);
    const store = new RedisStore({ redis: client, prefix: "t1" });
    try {
      const key = hashKey("sk_raw_secret_key");
      const rule = { limit: 2, windowMs: 60_000 };
      expect(await store.take(key, rule)).toBe(0);
      expect(await store.take(key, rule)).toBe(0);
      const wait = await store.take(key, rule);
      expect(wait).toBeGreaterThan(59_000);
      expect(wait).toBeLessThanOrEqual(60_000);
      const keys = await client.keys("t1:*");
      expect(keys.join()).toContain(key);
      expect(keys.join()).not.toContain("sk_raw_secret_key");
      await store.pause(key, 5000);
      const paused = await store.take(key, rule);
      expect(paused).toBeGreaterThan(4000);
      expect(paused).toBeLessThanOrEqual(5000);
      expect(await client.zcard(`t1:{${key}}:log`)).toBe(0);
    } finally {
      await store.close();
      client.disconnect();
    }
  });
});
