// Local `$ref` resolution that keeps track of where things really live, so every reported change
// points at the definition (`#/components/schemas/Person/properties/email`), not at the reference.
type Obj = Record<string, any>;

/** Appends keys to a JSON pointer, escaping `~` and `/` (RFC 6901). */
export function ptr(base: string, ...keys: (string | number)[]): string {
  return keys.reduce<string>((p, k) => `${p}/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`, base);
}

function walk(doc: unknown, pointer: string): unknown {
  if (pointer === "#" || pointer === "#/") return doc;
  return pointer
    .slice(2)
    .split("/")
    .map((s) => decodeURIComponent(s).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<any>((o, k) => (o == null || typeof o !== "object" ? undefined : o[k]), doc);
}

export interface Resolved {
  /** The target node, or undefined when the chain is broken or loops on itself. */
  node: Obj | undefined;
  /** Pointer of the node in its document (the last `$ref` target followed). */
  at: string;
  /** The first `$ref` followed, if any: keys cycle detection while walking schemas. */
  ref?: string;
  /** A ref pointing outside the document, left as is and compared by its string. */
  external?: string;
  problem?: "cycle" | "broken";
}

/** Resolves local `$ref` chains in one document. */
export class RefResolver {
  // every operation walks the shared components again, so each pointer is looked up once
  private cache = new Map<string, unknown>();
  constructor(readonly doc: Obj) {}

  private lookup(ref: string): unknown {
    if (!this.cache.has(ref)) this.cache.set(ref, walk(this.doc, ref));
    return this.cache.get(ref);
  }

  /** Follows `$ref`s from `node` (found at `at`) until a non-ref node. 3.1 sibling keys override the target's. */
  resolve(node: unknown, at: string): Resolved {
    let cur = node as Obj | undefined;
    let where = at;
    let first: string | undefined;
    let siblings: Obj | undefined;
    const seen = new Set<string>();
    while (cur && typeof cur === "object" && typeof cur.$ref === "string") {
      const ref: string = cur.$ref;
      if (!ref.startsWith("#")) return { node: cur, at: where, ref: first ?? ref, external: ref };
      if (seen.has(ref)) return { node: undefined, at: where, ref: first, problem: "cycle" };
      seen.add(ref);
      first ??= ref;
      const { $ref: _, ...rest } = cur;
      if (Object.keys(rest).length) siblings = { ...rest, ...siblings };
      cur = this.lookup(ref) as Obj | undefined;
      where = ref;
    }
    if (cur === undefined && first) return { node: undefined, at: where, ref: first, problem: "broken" };
    const merged = siblings && cur && typeof cur === "object" ? { ...cur, ...siblings } : cur;
    return { node: merged, at: where, ref: first };
  }
}
