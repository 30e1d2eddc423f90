// State shared by the comparators while one diff runs: both resolvers, the operation being compared,
// the memo of schema pairs already compared, and the changes found so far, each kept once at its
// origin (its pair of pointers) with the set of operations that reach it.
import type { LifecycleOptions } from "./lifecycle.js";
import { RefResolver } from "./resolve.js";
import { RULES } from "./rules.js";
import { Unchanged } from "./unchanged.js";
import type { Change } from "./types.js";

type Obj = Record<string, any>;

/** A change while the diff runs: the operations reaching it are collected, not repeated. */
export interface Found {
  change: Change;
  ops: Set<string>;
}

export class DiffContext {
  readonly base: RefResolver;
  readonly head: RefResolver;
  /** What is identical on both sides, down through every `$ref`: comparators skip it. */
  readonly unchanged: Unchanged;
  operation: string | null = null;
  /** Lifecycle rules are on when set. */
  lifecycle?: LifecycleOptions;
  private readonly found = new Map<string, Found>();
  /** Pair key → every change found below that pair: a later visit only adds its operation to them. */
  private readonly memo = new Map<string, Found[]>();
  private readonly open = new Set<string>();
  private readonly collecting: Found[][] = [];
  private readonly visited = new Set<string>();

  constructor(baseDoc: Obj, headDoc: Obj) {
    this.base = new RefResolver(baseDoc);
    this.head = new RefResolver(headDoc);
    this.unchanged = new Unchanged(baseDoc, headDoc);
  }

  /** Runs `fn` with `operation` set: every change found (or reached again) in it names that operation. */
  within(operation: string | null, fn: () => void): void {
    const saved = this.operation;
    this.operation = operation;
    try {
      fn();
    } finally {
      this.operation = saved;
    }
  }

  /**
   * Compares a pair once in the whole diff. The first visit runs `fn` and remembers what it found;
   * later visits (another operation, another parent) only record that they reach those changes.
   * A pair already being compared further up is a cycle: it ends there.
   */
  once(key: string, fn: () => void): void {
    const done = this.memo.get(key);
    if (done) {
      for (const f of done) this.reach(f);
      this.collecting.at(-1)?.push(...done);
      return;
    }
    if (this.open.has(key)) return;
    this.open.add(key);
    const mine: Found[] = [];
    this.collecting.push(mine);
    try {
      fn();
    } finally {
      this.collecting.pop();
      this.open.delete(key);
      this.memo.set(key, mine);
      this.collecting.at(-1)?.push(...mine);
    }
  }

  /** True the first time `key` is seen in this whole diff: work that gives the same answer for every operation. */
  firstVisit(key: string): boolean {
    if (this.visited.has(key)) return false;
    this.visited.add(key);
    return true;
  }

  private reach(f: Found): void {
    if (this.operation) f.ops.add(this.operation);
  }

  /** Records a change once per rule and pair of pointers; the rule id must be in the rules table. */
  emit(id: string, base: string | null, head: string | null, message: string): void {
    const rule = RULES[id];
    if (!rule) throw new Error(`diff engine bug: rule "${id}" is not in the rules table (packages/spec-diff/src/rules.ts)`);
    const key = `${id}|${base}|${head}`;
    let f = this.found.get(key);
    if (!f) {
      f = { change: { id, level: rule.level, operation: null, operations: [], base, head, message }, ops: new Set() };
      this.found.set(key, f);
    }
    this.reach(f);
    this.collecting.at(-1)?.push(f);
  }

  /** The changes, each with its sorted operations; `operation` is the first of them (null: document-wide). */
  changes(): Change[] {
    return [...this.found.values()].map(({ change, ops }) => {
      const operations = [...ops].sort();
      return { ...change, operation: operations[0] ?? null, operations };
    });
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

/** A key equal for equal JSON values whatever their key order: enum members compare through it in O(n). */
export function valueKey(v: unknown): string {
  if (v === null || typeof v !== "object") return `${typeof v}:${String(v)}`;
  if (Array.isArray(v)) return `[${v.map(valueKey).join(",")}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${valueKey((v as Obj)[k])}`)
    .join(",")}}`;
}

/** Short printable form of a value for messages. */
export function show(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
