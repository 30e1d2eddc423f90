// --fields and csv/table columns: pick dotted paths out of items, and flatten nested objects into
// `a.b.c` columns (arrays and objects deeper than a leaf stay JSON text in one cell).
import { valueAt } from "@apiforge/runtime";

/** Splits `--fields a,b.c` into paths (empty entries dropped). */
export function parseFields(fields: string | undefined): string[] | undefined {
  if (fields === undefined) return undefined;
  const list = fields
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

/** A new object holding only `fields` (dotted paths keep their nesting). */
export function pick(item: unknown, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of fields) {
    const value = valueAt(item, path);
    if (value === undefined) continue;
    const parts = path.split(".");
    let target = out;
    for (const part of parts.slice(0, -1)) {
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts.at(-1)!] = value;
  }
  return out;
}

/** `{ a: { b: 1 }, c: [1] }` → `{ "a.b": 1, c: "[1]" }`. */
export function flatten(item: unknown, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    out[prefix || "value"] = Array.isArray(item) ? JSON.stringify(item) : item;
    return out;
  }
  const entries = Object.entries(item as Record<string, unknown>);
  if (!entries.length && prefix) out[prefix] = "{}";
  for (const [k, v] of entries) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = Array.isArray(v) ? JSON.stringify(v) : v;
  }
  return out;
}

/** Columns for csv/table: `--fields`, else every flattened key of the sample items, in first-seen order. */
export function columnsOf(sample: readonly unknown[], fields: readonly string[] | undefined): string[] {
  if (fields) return [...fields];
  const seen = new Set<string>();
  for (const item of sample) for (const key of Object.keys(flatten(item))) seen.add(key);
  return [...seen];
}

/** One row for csv/table: the flattened value of each column ("" when absent). */
export function rowOf(item: unknown, columns: readonly string[]): unknown[] {
  const flat = flatten(item);
  return columns.map((c) => {
    const v = c in flat ? flat[c] : valueAt(item, c);
    if (v === undefined || v === null) return "";
    return typeof v === "object" ? JSON.stringify(v) : v;
  });
}
