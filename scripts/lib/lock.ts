// spec/<api>/source.json: where the snapshot came from and the sha256 it must still have.
// Every step checks it first, so a hand edit of the snapshot cannot slip into generated code.
import { existsSync, readFileSync } from "node:fs";
import type { ApiPaths } from "./apis.ts";
import { rel } from "./apis.ts";
import { LockMismatchError } from "./errors.ts";
import { sha256 } from "./spec-doc.ts";

export interface SpecLock {
  api: string;
  /** URL (or file path) the snapshot was pulled from; "hand-maintained" when written by spec:lock. */
  source: string;
  sha256: string;
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
