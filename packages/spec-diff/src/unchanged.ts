// Finds what did not change, so the comparators can skip it: most of a real diff is identical
// subtrees, and comparing them schema by schema is most of the work. A subtree is unchanged when it
// is deep-equal on both sides and every local `$ref` inside it leads (transitively) to targets that
// are deep-equal too. Costs one walk of each document plus one deep comparison per `$ref` target.
import { same } from "./context.js";

type Obj = Record<string, any>;

function walk(doc: unknown, pointer: string): unknown {
  if (pointer === "#" || pointer === "#/") return doc;
  let cur: any = doc;
  for (const raw of pointer.slice(2).split("/")) {
    if (cur == null || typeof cur !== "object") return undefined;
    cur = cur[decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return cur;
}

/** The local `$ref` strings inside a node (not following them). */
function refsIn(node: unknown, out: Set<string> = new Set()): Set<string> {
  if (!node || typeof node !== "object") return out;
  if (Array.isArray(node)) {
    for (const v of node) refsIn(v, out);
    return out;
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === "$ref" && typeof v === "string") {
      if (v.startsWith("#")) out.add(v);
    } else if (v && typeof v === "object") refsIn(v, out);
  }
  return out;
}

export class Unchanged {
  /** `$ref` targets whose subtree differs, or leads to one that does. */
  private readonly unstable = new Set<string>();

  constructor(base: Obj, head: Obj) {
    // every target either side refers to, with the targets it refers to in turn
    const targets = new Map<string, Set<string>>();
    const pending = [...refsIn(base), ...refsIn(head)];
    while (pending.length) {
      const t = pending.pop()!;
      if (targets.has(t)) continue;
      const b = walk(base, t);
      const h = walk(head, t);
      const inner = refsIn(b, refsIn(h));
      targets.set(t, inner);
      if (b === undefined || h === undefined || !same(b, h)) this.unstable.add(t);
      pending.push(...inner);
    }
    // instability flows back along the references: a target pointing at an unstable one is unstable
    const dependents = new Map<string, string[]>();
    for (const [t, inner] of targets) for (const x of inner) dependents.set(x, [...(dependents.get(x) ?? []), t]);
    const queue = [...this.unstable];
    while (queue.length) {
      for (const d of dependents.get(queue.pop()!) ?? []) {
        if (this.unstable.has(d)) continue;
        this.unstable.add(d);
        queue.push(d);
      }
    }
  }

  /** True when `b` (at `bAt` in the base) and `h` (at `hAt` in the head) cannot differ in any way the diff reports. */
  check(b: unknown, bAt: string, h: unknown, hAt: string): boolean {
    if (bAt !== hAt || !same(b, h)) return false;
    for (const r of refsIn(b)) if (this.unstable.has(r)) return false;
    return true;
  }
}
