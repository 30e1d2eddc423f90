// Makes our coverage labels visible in the rendered reference. Hand-written specs mark each
// operation with `x-<vendor>-coverage` (see spec/<api>/NOTES.md); renderers ignore unknown
// extensions, so this build-time transform turns the label into an `x-badges` entry (shown next to
// the operation's title) and a first line of its description. It works on a copy: spec/ is never edited.

/** What each label tells a reader, in one line (each spec/<api>/NOTES.md has the full definitions). */
export const COVERAGE_LEVELS: Record<string, { badge: string; color: string; note: string }> = {
  full: { badge: "Documented", color: "#1f7a3d", note: "The vendor's reference documents this operation." },
  partial: { badge: "Partly documented", color: "#9a6700", note: "The vendor's page for this operation is cut or incomplete; the missing parts are inferred." },
  "index-only": { badge: "Index only", color: "#b35900", note: "The vendor lists this operation in its index only; parameters and bodies are inferred from documented siblings." },
  "path-only": { badge: "Path only", color: "#b42318", note: "The vendor documents this operation only by its path; parameters and bodies are inferred from documented siblings." },
  "third-party": { badge: "Third-party source", color: "#6e40c9", note: "Not on the vendor's pages; known only from third-party clients." },
};

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Json = Record<string, unknown>;

export interface OperationRef {
  method: string;
  path: string;
  operationId: string | undefined;
  summary: string | undefined;
  coverage: string | undefined;
  webhook: boolean;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The coverage label of an operation: the value of its one `x-*-coverage` extension, if any. */
export function coverageOf(op: Json): string | undefined {
  const key = Object.keys(op).find((k) => /^x-[a-z0-9-]+-coverage$/.test(k));
  const value = key ? op[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** Every operation under `paths` (and, flagged, under `webhooks`), in document order. */
export function listOperations(doc: Json): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [section, webhook] of [["paths", false], ["webhooks", true]] as const) {
    const items = doc[section];
    if (!isObject(items)) continue;
    for (const [p, item] of Object.entries(items)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        out.push({
          method,
          path: p,
          operationId: typeof op.operationId === "string" ? op.operationId : undefined,
          summary: typeof op.summary === "string" ? op.summary : undefined,
          coverage: coverageOf(op),
          webhook,
        });
      }
    }
  }
  return out;
}

/**
 * Counts of each coverage label among the path operations (webhooks left out), e.g. {full: 30, …},
 * from most to least documented (known levels in COVERAGE_LEVELS order, then unknown ones).
 */
export function coverageCounts(doc: Json): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const op of listOperations(doc)) {
    if (op.webhook || !op.coverage) continue;
    counts[op.coverage] = (counts[op.coverage] ?? 0) + 1;
  }
  const order = Object.keys(COVERAGE_LEVELS);
  const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length);
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => rank(a) - rank(b)));
}

/**
 * A deep copy of the document in which every labelled operation (paths and webhooks) carries an
 * `x-badges` entry and starts its description with the label's meaning. An unknown label is still
 * shown, as itself, so a new level cannot silently disappear from the reference.
 */
export function labelCoverage<T extends Json>(doc: T): T {
  const copy = structuredClone(doc);
  // the first thing a reader sees (the intro) says how much of the API the vendor documents
  const counts = coverageCounts(doc);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total && isObject(copy.info)) {
    const parts = Object.entries(counts).map(([label, n]) => `${n} ${(COVERAGE_LEVELS[label]?.badge ?? label).toLowerCase()}`);
    const summary = `**Coverage of the ${total} operations:** ${parts.join(", ")}. Each operation carries its badge next to its title.`;
    copy.info.description = typeof copy.info.description === "string" && copy.info.description ? `${summary}\n\n${copy.info.description}` : summary;
  }
  for (const section of ["paths", "webhooks"]) {
    const items = copy[section];
    if (!isObject(items)) continue;
    for (const item of Object.values(items)) {
      if (!isObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const label = coverageOf(op);
        if (!label) continue;
        const level = COVERAGE_LEVELS[label] ?? { badge: label, color: "#57606a", note: `Coverage: ${label}.` };
        const badges = Array.isArray(op["x-badges"]) ? op["x-badges"] : [];
        op["x-badges"] = [...badges, { name: level.badge, color: level.color }];
        const line = `**Coverage: ${level.badge}** (\`${label}\`). ${level.note}`;
        op.description = typeof op.description === "string" && op.description ? `${line}\n\n${op.description}` : line;
      }
    }
  }
  return copy;
}
