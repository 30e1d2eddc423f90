// Dotted field paths into JSON bodies, as ApiMeta states them (`links.next`, `ia::meta.next`).
// No imports: both the pagination strategies and the error envelopes use it.

/** The value at a dotted path; "" is the value itself, `undefined` path or a missing step gives undefined. */
export function valueAt(value: unknown, path: string | undefined): unknown {
  if (path === undefined) return undefined;
  if (path === "") return value;
  let current = value;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
