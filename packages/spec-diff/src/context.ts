// State shared by the comparators while one diff runs: both resolvers, the current operation, the
// pairs of definitions already compared (the cycle guard) and the changes found so far.
import { RefResolver } from "./resolve.js";
import { RULES } from "./rules.js";
import type { Change } from "./types.js";

type Obj = Record<string, any>;

export class DiffContext {
  readonly changes: Change[] = [];
  readonly base: RefResolver;
  readonly head: RefResolver;
  operation: string | null = null;
  private visited = new Set<string>();
  private once = new Set<string>();

  constructor(baseDoc: Obj, headDoc: Obj) {
    this.base = new RefResolver(baseDoc);
    this.head = new RefResolver(headDoc);
  }

  /** Runs `fn` with `operation` set; each operation walks shared schemas afresh, so each reports its own changes. */
  within(operation: string | null, fn: () => void): void {
    const saved = [this.operation, this.visited] as const;
    this.operation = operation;
    this.visited = new Set();
    try {
      fn();
    } finally {
      [this.operation, this.visited] = saved;
    }
  }

  /** False when this pair of definitions is already being (or was) compared in this operation: cycles end here. */
  enter(key: string): boolean {
    if (this.visited.has(key)) return false;
    this.visited.add(key);
    return true;
  }

  /** True the first time `key` is seen in this whole diff: work that gives the same answer for every operation. */
  firstVisit(key: string): boolean {
    if (this.once.has(`visit|${key}`)) return false;
    this.once.add(`visit|${key}`);
    return true;
  }

  /** Records a change; the rule id must be in the rules table. */
  emit(id: string, base: string | null, head: string | null, message: string): void {
    const rule = RULES[id];
    if (!rule) throw new Error(`diff engine bug: rule "${id}" is not in scripts/lib/diff/rules.ts`);
    this.changes.push({ id, level: rule.level, operation: this.operation, base, head, message });
  }

  /** Like `emit`, but a docs change in a shared definition is reported once, not once per operation using it. */
  emitOnce(id: string, base: string | null, head: string | null, message: string): void {
    const key = `${id}|${base}|${head}`;
    if (this.once.has(key)) return;
    this.once.add(key);
    this.emit(id, base, head, message);
  }
}

/** Deep equality that ignores key order. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => same(v, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Obj)[k], (b as Obj)[k]));
}

/** Short printable form of a value for messages. */
export function show(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
