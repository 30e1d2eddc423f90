// The report renderer on made-up rows: the table pnpm bench writes to bench/results.md.
import { describe, expect, it } from "vitest";
import type { Measure } from "./_report.ts";
import { machineLine, num, parseRows, ratio, renderResults, type Machine } from "./_results.ts";

const machine: Machine = { cores: 2, cpu: "Test CPU", node: "v20.20.2", os: "linux x64", loadStart: [1.5, 1, 0.25], loadEnd: [2, 1.25, 0.5] };
const run = { mode: "full" as const, startedAt: "2026-11-26T17:30:00.000Z", seconds: 600, failed: [] };

const overhead: Measure = {
  id: "transport.overhead",
  measure: "per-request overhead vs bare openapi-fetch",
  ours: 0.125,
  unit: "ms",
  peer: { name: "bare openapi-fetch", value: 0.1 },
  target: "≤ 1.5×",
  met: true,
};
const pages: Measure = { id: "pagination.requests", measure: "requests for 100 000 items", ours: 200, unit: "", peer: { name: "ceil(n / 500)", value: 200 }, target: "= ceil(n / 500)", met: true };
const noPeer: Measure = { id: "regen.cached", measure: "regen | cached", ours: 4.321, unit: "s", note: "turbo: FULL TURBO" };

describe("num", () => {
  it.each([
    [1234.5, "1235"],
    [12.34, "12.3"],
    [1.234, "1.23"],
    [200, "200"],
    [0, "0"],
    [Number.NaN, "–"],
  ])("%d → %s", (n, want) => {
    expect(num(n)).toBe(want);
  });
});

describe("ratio", () => {
  it("is ours divided by the peer", () => {
    expect(ratio(overhead)).toBe("×1.25");
    expect(ratio({ ours: 30, peer: { name: "p", value: 2 } })).toBe("×15.0");
    expect(ratio({ ours: 500, peer: { name: "p", value: 2 } })).toBe("×250");
  });
  it("is a dash without a peer or with a zero peer", () => {
    expect(ratio(noPeer)).toBe("–");
    expect(ratio({ ours: 3, peer: { name: "naive", value: 0 } })).toBe("–");
  });
});

describe("renderResults", () => {
  const md = renderResults([overhead, pages, noPeer], machine, run);
  const table = md.split("\n").filter((l) => l.startsWith("|"));

  it("one header, one separator and one row per measure", () => {
    expect(table).toHaveLength(5);
    expect(table[0]).toBe("| measure | ours | peer (same run) | ratio ours/peer | target | met | note |");
    expect(table[2]).toBe("| per-request overhead vs bare openapi-fetch | 0.13 ms | bare openapi-fetch: 0.10 ms | ×1.25 | ≤ 1.5× | ✔ |  |");
    expect(table[3]).toBe("| requests for 100 000 items | 200 | ceil(n / 500): 200 | ×1.00 | = ceil(n / 500) | ✔ |  |");
  });
  it("escapes pipes and leaves target and met as dashes when there is none", () => {
    expect(table[4]).toBe("| regen \\| cached | 4.32 s | – | – | – | – | turbo: FULL TURBO |");
  });
  it("names the machine, the mode and the load at start and end", () => {
    expect(machineLine(machine)).toBe("2 cores (Test CPU), Node v20.20.2, linux x64; load average (1 / 5 / 15 min) 1.50 / 1.00 / 0.25 at start, 2.00 / 1.25 / 0.50 at end");
    expect(md).toContain(`Machine: ${machineLine(machine)}.`);
    expect(md).toMatch(/`pnpm bench` \(full mode\) on 2026-11-26 17:30 UTC in 10\.0 min/);
    expect(renderResults([], machine, { ...run, mode: "quick" })).toMatch(/`pnpm bench --quick` \(quick mode\)[\s\S]*no measure recorded/);
  });
  it("lists the time each benchmark took", () => {
    const durations = [
      { file: "adaptive", seconds: 15.25 },
      { file: "diff", seconds: 120 },
    ];
    expect(renderResults([pages], machine, { ...run, durations })).toContain("\nTime per benchmark: adaptive 15.3 s, diff 120 s.\n");
  });
  it("says which benchmarks failed", () => {
    expect(renderResults([pages], machine, { ...run, failed: ["bench/diff.ts"] })).toMatch(/Not complete: `bench\/diff\.ts` exited with an error/);
  });
});

describe("parseRows", () => {
  it("reads one row per line and skips a torn last line", () => {
    const text = `${JSON.stringify(overhead)}\n${JSON.stringify(pages)}\n{"id":"half`;
    expect(parseRows(text).map((r) => r.id)).toEqual(["transport.overhead", "pagination.requests"]);
  });
});
