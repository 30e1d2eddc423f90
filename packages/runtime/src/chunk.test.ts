import { describe, expect, it } from "vitest";
import { ChunkError, type ChunkInfo, chunk, writeInChunks } from "./chunk.js";
import { AbortError } from "./errors.js";

const entries = (n: number) => Array.from({ length: n }, (_, i) => i);

function recorder(failAt?: number) {
  const calls: { chunk: number[]; info: ChunkInfo }[] = [];
  const send = async (part: number[], info: ChunkInfo) => {
    calls.push({ chunk: part, info });
    if (info.index === failAt) throw new Error(`chunk ${info.index} rejected`);
    return { accepted: part.length };
  };
  return { calls, send };
}

describe("chunk", () => {
  it.each([
    [0, 100, []],
    [1, 100, [1]],
    [100, 100, [100]],
    [101, 100, [100, 1]],
    [1000, 100, Array(10).fill(100)],
    [5, 2, [2, 2, 1]],
  ])("%i entries in chunks of %i → sizes %j", (n, size, sizes) => {
    const parts = chunk(entries(n), size);
    expect(parts.map((p) => p.length)).toEqual(sizes);
    expect(parts.flat()).toEqual(entries(n));
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects size %s", (size) => {
    expect(() => chunk([1], size)).toThrow(ChunkError);
  });
});

describe("writeInChunks", () => {
  it.each([
    [1, 1],
    [100, 1],
    [101, 2],
    [1000, 10],
  ])("writes %i entries with %i request(s), in order, none over maxItems", async (n, requests) => {
    const { calls, send } = recorder();
    const result = await writeInChunks({ entries: entries(n), maxItems: 100, send });
    expect(calls).toHaveLength(requests);
    expect(calls.every((c) => c.chunk.length <= 100)).toBe(true);
    expect(calls.flatMap((c) => c.chunk)).toEqual(entries(n));
    expect(calls.map((c) => c.info.index)).toEqual(entries(requests));
    expect(result).toMatchObject({ ok: true, written: n, remaining: [] });
    expect(result.done.map((d) => d.result.accepted).reduce((a, b) => a + b, 0)).toBe(n);
  });

  it("makes no request for no entries", async () => {
    const { calls, send } = recorder();
    expect(await writeInChunks({ entries: [], maxItems: 100, send })).toMatchObject({ ok: true, written: 0, done: [] });
    expect(calls).toHaveLength(0);
  });

  it("stops at a failure on chunk 3 of 10 and returns chunks 1–2 plus the remainder", async () => {
    const { calls, send } = recorder(2);
    const result = await writeInChunks({ entries: entries(1000), maxItems: 100, send });
    expect(calls).toHaveLength(3);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.done.map((d) => d.index)).toEqual([0, 1]);
    expect(result.written).toBe(200);
    expect(result.failedChunk).toBe(2);
    expect(result.remaining).toEqual(entries(1000).slice(200));
    expect(result.error).toBeInstanceOf(Error);

    // resuming with the remainder writes exactly the rest
    const again = recorder();
    const resumed = await writeInChunks({ entries: result.remaining, maxItems: 100, send: again.send });
    expect(again.calls).toHaveLength(8);
    expect([...calls.slice(0, 2), ...again.calls].flatMap((c) => c.chunk)).toEqual(entries(1000));
    expect(resumed.ok).toBe(true);
  });

  it("stops before the next chunk once aborted and reports the abort reason", async () => {
    const controller = new AbortController();
    const calls: number[][] = [];
    const result = await writeInChunks({
      entries: entries(300),
      maxItems: 100,
      signal: controller.signal,
      send: async (part) => {
        calls.push(part);
        controller.abort(new Error("user stop"));
        return part.length;
      },
    });
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, written: 100, failedChunk: 1, remaining: entries(300).slice(100) });
    expect(result.ok === false && result.error).toBeInstanceOf(AbortError);
    expect(result.ok === false && (result.error as AbortError).cause).toEqual(new Error("user stop"));
  });
});
