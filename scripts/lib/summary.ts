// What `pnpm regen` prints at the end: the spec's size, the generated size and what changed.
import type { GeneratedFiles } from "./generate.ts";

/** Lines added and removed between two texts, counted as multisets (order-insensitive, cheap). */
export function lineDelta(before = "", after = ""): { added: number; removed: number } {
  const counts = new Map<string, number>();
  for (const l of before.split("\n")) counts.set(l, (counts.get(l) ?? 0) + 1);
  let added = 0;
  for (const l of after.split("\n")) {
    const c = counts.get(l) ?? 0;
    if (c > 0) counts.set(l, c - 1);
    else added++;
  }
  let removed = 0;
  for (const c of counts.values()) removed += c;
  return { added, removed };
}

export function lineCount(files: GeneratedFiles): number {
  let n = 0;
  for (const text of files.values()) n += text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  return n;
}

/** The spec sha256 recorded in a generated file's header, if any. */
export function headerSha(text: string | undefined): string | undefined {
  return text?.match(/sha256 ([0-9a-f]{64})/)?.[1];
}

export function describeChanges(before: GeneratedFiles, after: GeneratedFiles, changed: string[]): string {
  if (!changed.length) return "nothing (generated code already matched the spec)";
  return changed
    .map((f) => {
      if (!before.has(f)) return `${f} (new)`;
      if (!after.has(f)) return `${f} (removed)`;
      const d = lineDelta(before.get(f), after.get(f));
      return `${f} (+${d.added} −${d.removed} lines)`;
    })
    .join(", ");
}
