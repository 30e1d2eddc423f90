// Renders the rows every benchmark record()s into bench/results.md: one table, one row per
// measure (ours, the peer from the same run, their ratio, the target, met or not) and the machine
// the numbers come from, so two runs can be compared line by line.
import { cpus, loadavg, platform, arch } from "node:os";
import type { Measure } from "./_report.ts";

export interface Machine {
  cores: number;
  cpu: string;
  node: string;
  os: string;
  /** 1, 5 and 15 minute load averages when the run started and when it ended. */
  loadStart: number[];
  loadEnd: number[];
}

export interface RunInfo {
  mode: "full" | "quick";
  /** ISO time the run started. */
  startedAt: string;
  seconds: number;
  /** Benchmarks that exited non-zero: their rows may be missing. */
  failed: string[];
  /** Wall seconds per benchmark file, in run order. */
  durations?: { file: string; seconds: number }[];
}

export function machineNow(loadStart: number[]): Machine {
  const c = cpus();
  return { cores: c.length, cpu: c[0]?.model.trim() ?? "unknown", node: process.version, os: `${platform()} ${arch()}`, loadStart, loadEnd: loadavg() };
}

/** A number with as many decimals as its size deserves: 1234 → "1234", 12.34 → "12.3", 1.234 → "1.23". */
export function num(n: number): string {
  if (!Number.isFinite(n)) return "–";
  const a = Math.abs(n);
  return n.toFixed(a >= 100 || Number.isInteger(n) ? 0 : a >= 10 ? 1 : 2);
}

const withUnit = (n: number, unit: string) => (unit ? `${num(n)} ${unit}` : num(n));

/** ours ÷ peer as "×1.23"; "–" without a peer or when the peer is 0. */
export function ratio(m: Pick<Measure, "ours" | "peer">): string {
  if (!m.peer || m.peer.value === 0 || !Number.isFinite(m.peer.value) || !Number.isFinite(m.ours)) return "–";
  const r = m.ours / m.peer.value;
  return `×${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}`;
}

const load = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" / ");

export function machineLine(m: Machine): string {
  return `${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.os}; load average (1 / 5 / 15 min) ${load(m.loadStart)} at start, ${load(m.loadEnd)} at end`;
}

// a pipe inside a cell would end it early
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderResults(rows: Measure[], machine: Machine, run: RunInfo): string {
  const lines = [
    "# Benchmark results",
    "",
    `Written by \`pnpm bench${run.mode === "quick" ? " --quick" : ""}\` (${run.mode} mode) on ${run.startedAt.replace("T", " ").slice(0, 16)} UTC in ${(run.seconds / 60).toFixed(1)} min; regenerate with \`pnpm bench\`. Each benchmark's own tables are in the command's output.`,
    "",
    `Machine: ${machineLine(machine)}.`,
    "",
    "| measure | ours | peer (same run) | ratio ours/peer | target | met | note |",
    "|---|---:|---|---:|---|:---:|---|",
  ];
  for (const m of rows) {
    const peer = m.peer ? `${m.peer.name}: ${withUnit(m.peer.value, m.unit)}` : "–";
    const met = m.met === undefined ? "–" : m.met ? "✔" : "✘";
    lines.push(`| ${[m.measure, withUnit(m.ours, m.unit), peer, ratio(m), m.target ?? "–", met, m.note ?? ""].map(cell).join(" | ")} |`);
  }
  if (!rows.length) lines.push("| (no measure recorded) | | | | | | |");
  if (run.durations?.length) lines.push("", `Time per benchmark: ${run.durations.map((d) => `${d.file} ${num(d.seconds)} s`).join(", ")}.`);
  if (run.failed.length) lines.push("", `Not complete: ${run.failed.map((f) => `\`${f}\``).join(", ")} exited with an error, so some of their rows are missing.`);
  return `${lines.join("\n")}\n`;
}

/** Reads the ndjson file record() appends to; a torn last line (a crashed benchmark) is skipped. */
export function parseRows(ndjson: string): Measure[] {
  const rows: Measure[] = [];
  for (const line of ndjson.split("\n")) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      // a benchmark killed mid-write leaves half a line
    }
  }
  return rows;
}
