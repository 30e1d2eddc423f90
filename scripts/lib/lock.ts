// spec/<api>/source.json: where the snapshot came from and the sha256 it must still have.
// Every step checks it first, so a hand edit of the snapshot cannot slip into generated code.
import { existsSync, readFileSync } from "node:fs";
import type { ApiPaths } from "./apis.ts";
import type { BundleRecord } from "./bundle.ts";
import type { JoinRecord, SourceRecord } from "./candidate.ts";
import type { ConversionRecord } from "./convert.ts";
import { rel } from "./apis.ts";
import { LockMismatchError } from "./errors.ts";
import { sha256 } from "./spec-doc.ts";

export interface SpecLock {
  api: string;
  /**
   * URL, or repo-relative path, the snapshot was pulled from (never a machine path); "hand-maintained"
   * when written by spec:lock.
   */
  source: string;
  /** sha256 of openapi.yaml, the snapshot. */
  sha256: string;
  /** sha256 of the bytes the source served, when the snapshot is not those bytes (converted or bundled). */
  originalSha256?: string;
  /** Set when the source was Swagger 2.0 and the snapshot is its conversion. */
  conversion?: ConversionRecord | null;
  /** Set when the source's $refs pointed at other files, bundled into the snapshot. */
  bundled?: BundleRecord | null;
  /**
   * Set when api.json lists several `sources`: each one's label and served bytes' sha256, in join
   * order. The snapshot is then their join (`join`), and `source` their labels joined by " + ".
   */
  sources?: SourceRecord[];
  join?: JoinRecord;
  /** Overlays applied after the snapshot, in order, with their sha256. */
  overlays?: { file: string; sha256: string }[];
  /** sha256 of the effective document (snapshot + overlays) that lint, generate and diff read. */
  effectiveSha256?: string;
  etag: string | null;
  lastModified: string | null;
  /** ISO time of the pull or lock that wrote this file. */
  fetchedAt: string;
  openapi: string;
  operations: number;
  /** Which command wrote the lock: "spec:pull" or "spec:lock". */
  lockedBy: "spec:pull" | "spec:lock";
}

export function readLock(api: ApiPaths): SpecLock | null {
  if (!existsSync(api.lock)) return null;
  return JSON.parse(readFileSync(api.lock, "utf8")) as SpecLock;
}

export function serializeLock(lock: SpecLock): string {
  return JSON.stringify(lock, null, 2) + "\n";
}

/** Throws unless the snapshot exists and its sha256 is the one its lock records. Returns both. */
export function verifyLock(api: ApiPaths): { lock: SpecLock; text: string } {
  const name = api.config.name;
  if (!existsSync(api.spec)) {
    throw new LockMismatchError(`No snapshot at ${rel(api, api.spec)}.`, `run \`pnpm spec:pull --api ${name}\` to fetch it.`);
  }
  const text = readFileSync(api.spec, "utf8");
  const lock = readLock(api);
  if (!lock) {
    throw new LockMismatchError(
      `${rel(api, api.spec)} has no lock file (${rel(api, api.lock)}), so nothing proves where it came from.`,
      `run \`pnpm spec:lock --api ${name}\` if you maintain the spec by hand, or \`pnpm spec:pull --api ${name}\`.`,
    );
  }
  const actual = sha256(text);
  if (actual !== lock.sha256) {
    throw new LockMismatchError(
      `${rel(api, api.spec)} was changed since it was locked: its sha256 is ${actual.slice(0, 12)}…, the lock says ${lock.sha256.slice(0, 12)}….`,
      `if the edit is intended, run \`pnpm spec:lock --api ${name}\` (lints, then records the new hash); otherwise restore it with \`git checkout -- ${rel(api, api.spec)}\` or \`pnpm spec:pull --api ${name}\`.`,
    );
  }
  return { lock, text };
}
