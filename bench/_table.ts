// The markdown table every benchmark prints (run.ts skips files starting with "_").
export const fmt = (n: number, d = 1) => n.toFixed(d);

export function table(title: string, head: string[], rows: (string | number)[][]) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  console.log(`\n${title}`);
  for (const [i, r] of cells.entries()) {
    console.log(`| ${r.map((c, j) => c.padEnd(w[j]!)).join(" | ")} |`);
    if (i === 0) console.log(`|${w.map((x) => "-".repeat(x + 2)).join("|")}|`);
  }
}
