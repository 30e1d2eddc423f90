// The shapes the diff engine hands out. `spec:sync` builds on these, so they change with care.
import type { FactsExtractor, LimitFacts } from "./facts.js";
import type { LifecycleOptions } from "./lifecycle.js";

export type Level = "ERR" | "WARN" | "INFO";
export type Bump = "major" | "minor" | "patch" | "none";

/** One classified difference between two specs. */
export interface Change {
  /** Rule id from the rules table, oasdiff vocabulary where oasdiff has one (e.g. `request-parameter-max-decreased`). */
  id: string;
  level: Level;
  /** The first of `operations` (`"GET /v1/people"`), or null for document-wide changes (servers, global security). */
  operation: string | null;
  /**
   * Every operation that reaches the change, sorted. A change in a shared component is reported
   * once, at the component, with all the operations using it; empty for document-wide changes.
   */
  operations: string[];
  /** JSON pointer into the base document (`#/paths/~1v1~1people/get/...`), null when the thing is new. */
  base: string | null;
  /** JSON pointer into the head document, null when the thing is gone. */
  head: string | null;
  message: string;
}

export interface DiffReport {
  changes: Change[];
  counts: Record<Level, number>;
  /** The semver bump the changes call for: any ERR → major; WARN or additions → minor; docs only → patch. */
  bump: Bump;
}

export interface DiffOptions {
  /**
   * Reads the runtime constants a spec states (page size, bulk chunk size, rate limit). Without it
   * the runtime-limit rules (`sdk-*`) are skipped: how constants are derived is the caller's business.
   */
  extractFacts?: FactsExtractor;
  /**
   * The constants the SDK currently runs with, compared with what `extractFacts` reads from the head
   * spec. `undefined` reads them from the base spec (what the generated meta.ts holds); `false`
   * skips the runtime-limit check.
   */
  facts?: LimitFacts | false;
  /** Turns on the lifecycle rules on `x-sunset` and `x-stability-level` (see lifecycle.ts). */
  lifecycle?: LifecycleOptions;
}
