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

/** A pair of definitions compared once, or an operation: what it emitted and what it reaches. */
interface Node {
  own: Found[];
  children: Set<string>;
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
  /**
   * The graph of comparisons: each operation and each schema pair (compared once per diff) with the
   * changes it emitted itself and the pairs it reached. A pair met again (another operation, another
   * parent, or a cycle back to a pair still being compared) only adds an edge; which operations reach
   * a change is read from the graph at the end, so a change inside a cycle still names them all.
   */
  private readonly nodes = new Map<string, Node>();
  private readonly stack: string[] = [];

  constructor(baseDoc: Obj, headDoc: Obj) {
    this.base = new RefResolver(baseDoc);
    this.head = new RefResolver(headDoc);
    this.unchanged = new Unchanged(baseDoc, headDoc);
  }

  private node(key: string): Node {
    let n = this.nodes.get(key);
    if (!n) {
      n = { own: [], children: new Set() };
      this.nodes.set(key, n);
    }
    return n;
  }

  /** Runs `fn` with `operation` set: every change found (or reached again) in it names that operation. */
  within(operation: string | null, fn: () => void): void {
    const saved = [this.operation, this.stack.length] as const;
    this.operation = operation;
    if (operation) this.stack.push(`op ${operation}`);
    try {
      fn();
    } finally {
      this.operation = saved[0];
      this.stack.length = saved[1];
    }
  }

  /**
   * Compares a pair once in the whole diff: the first visit runs `fn`; later visits (another
   * operation, another parent) and a cycle back to a pair still open only record that they reach it.
   */
  once(key: string, fn: () => void): void {
    const parent = this.stack.at(-1);
    if (parent) this.node(parent).children.add(`pair ${key}`);
    if (this.nodes.has(`pair ${key}`)) return;
    this.node(`pair ${key}`);
    this.stack.push(`pair ${key}`);
    try {
      fn();
    } finally {
      this.stack.pop();
    }
  }

  /** True the first time `key` is seen in this whole diff: work that gives the same answer for every operation. */
  firstVisit(key: string): boolean {
    const k = `visit ${key}`;
    if (this.nodes.has(k)) return false;
    this.nodes.set(k, { own: [], children: new Set() });
    return true;
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
    const at = this.stack.at(-1);
    if (at) this.node(at).own.push(f);
    else if (this.operation) f.ops.add(this.operation); // set by hand (runtime limits), outside any comparison
  }

  /** Adds every operation to the changes it reaches, walking only the part of the graph that holds changes. */
  private reach(): void {
    const parents = new Map<string, string[]>();
    for (const [k, n] of this.nodes) for (const c of n.children) parents.set(c, [...(parents.get(c) ?? []), k]);
    const holds = new Set<string>();
    const queue = [...this.nodes].filter(([, n]) => n.own.length).map(([k]) => k);
    for (const k of queue) holds.add(k);
    while (queue.length) {
      for (const p of parents.get(queue.pop()!) ?? []) {
        if (holds.has(p)) continue;
        holds.add(p);
        queue.push(p);
      }
    }
    for (const root of [...holds].filter((k) => k.startsWith("op "))) {
      const op = root.slice(3);
      const seen = new Set([root]);
      const todo = [root];
      while (todo.length) {
        const n = this.nodes.get(todo.pop()!)!;
        for (const f of n.own) f.ops.add(op);
        for (const c of n.children) {
          if (holds.has(c) && !seen.has(c)) {
            seen.add(c);
            todo.push(c);
          }
        }
      }
    }
  }

  /** The changes, each with its sorted operations; `operation` is the first of them (null: document-wide). */
  changes(): Change[] {
    this.reach();
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
