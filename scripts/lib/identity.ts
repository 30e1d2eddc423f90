// A pull must not silently replace one vendor's API with another's: refuse a document whose
// title or server hosts changed, or that lost most operations, unless the user says --force.
import { SpecIdentityError } from "./errors.ts";
import { type OpenApiDoc, operations } from "./spec-doc.ts";

/** Share of operations a new document may lose before the pull refuses it. */
export const MAX_OPERATION_LOSS = 0.5;

function hosts(doc: OpenApiDoc): string[] {
  const out = new Set<string>();
  for (const s of (doc.servers ?? []) as { url?: string }[]) {
    try {
      // relative server URLs ("/v1") name no host; they cannot show a change of vendor
      if (s.url && /^[a-z]+:\/\//i.test(s.url)) out.add(new URL(s.url.replace(/\{[^}]*\}/g, "x")).hostname);
    } catch {
      // a templated URL that is still not a URL: ignore it
    }
  }
  return [...out].sort();
}

export interface IdentityVerdict {
  /** Reasons to refuse (empty when the document is the same API). */
  problems: string[];
  /** Worth saying even when accepted, e.g. a drop in operation count. */
  warnings: string[];
}

/** Compares the snapshot being replaced with the new document. */
export function compareIdentity(current: OpenApiDoc, next: OpenApiDoc): IdentityVerdict {
  const problems: string[] = [];
  const warnings: string[] = [];
  const [t0, t1] = [String(current.info?.title ?? ""), String(next.info?.title ?? "")];
  if (t0 !== t1) problems.push(`its title is "${t1}", the snapshot's is "${t0}"`);
  const [h0, h1] = [hosts(current), hosts(next)];
  if (h0.length && h1.length && !h1.some((h) => h0.includes(h))) problems.push(`its server hosts are ${h1.join(", ")}, the snapshot's are ${h0.join(", ")}`);
  const [n0, n1] = [operations(current).length, operations(next).length];
  if (n1 < n0) {
    const lost = (n0 - n1) / n0;
    if (lost > MAX_OPERATION_LOSS) problems.push(`it has ${n1} operations, the snapshot has ${n0} (${Math.round(lost * 100)} % lost)`);
    else warnings.push(`the operation count drops from ${n0} to ${n1}`);
  }
  return { problems, warnings };
}

/** Throws SpecIdentityError unless `force`; returns the warnings (and, when forced, the problems). */
export function checkIdentity(current: OpenApiDoc, next: OpenApiDoc, source: string, api: string, force = false): string[] {
  const v = compareIdentity(current, next);
  if (v.problems.length && !force) {
    throw new SpecIdentityError(
      `${source} does not look like the same API as spec/${api}: ${v.problems.join("; ")}.`,
      `if the vendor really renamed or restructured it, run again with --force; if this is another vendor's API, add it as its own API instead. Nothing on disk changed.`,
    );
  }
  return [...v.problems.map((p) => `accepted with --force: ${p}`), ...v.warnings];
}
