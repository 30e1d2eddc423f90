// spec:pull: fetch → parse → lint → atomically replace snapshot + lock. Any failure before the
// final renames leaves the snapshot, the lock and the generated code byte-identical.
import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import type { ApiPaths } from "./apis.ts";
import { rel } from "./apis.ts";
import { writeFileAtomic, writeTemp } from "./atomic.ts";
import { LockMismatchError } from "./errors.ts";
import { fetchSource, type FetchOptions } from "./fetch-source.ts";
import { lintSpec } from "./lint.ts";
import { readLock, serializeLock, verifyLock, type SpecLock } from "./lock.ts";
import { type OpenApiDoc, parseSpec, sha256, specStats } from "./spec-doc.ts";

export interface PullOptions extends Pick<FetchOptions, "timeoutMs" | "maxBytes"> {
  /** URL, file:// URL or path; default: the API's env override, then api.json's sourceUrl. */
  from?: string;
  /** Clock for the lock's fetchedAt (tests). */
  now?: () => Date;
}

export type PullResult =
  | { outcome: "not-modified"; source: string }
  | { outcome: "unchanged"; source: string; sha256: string }
  | { outcome: "updated"; source: string; sha256: string; previousSha256: string | null; stats: ReturnType<typeof specStats> };

export function defaultSource(api: ApiPaths): string {
  return process.env[api.config.sourceEnv] || api.config.sourceUrl;
}

/** What a fetch produced, before anything on disk changes. */
export type Candidate =
  | { status: "not-modified"; source: string }
  | { status: "unchanged"; source: string; sha256: string }
  | {
      status: "new";
      source: string;
      text: string;
      doc: OpenApiDoc;
      sha256: string;
      /** The lock to write with the new snapshot. */
      lock: SpecLock;
      /** The snapshot being replaced, if there is one. */
      current: { lock: SpecLock; text: string } | null;
    };

/**
 * The shared first half of spec:pull and spec:sync: check the lock, fetch conditionally, parse.
 * Only the conditional-request validators of an unchanged spec may be refreshed on disk.
 * `current` is the already verified snapshot when the caller checked it itself.
 */
export async function fetchCandidate(
  api: ApiPaths,
  opts: PullOptions = {},
  // a hand-edited snapshot must not be silently overwritten: the lock check runs first
  current: { lock: SpecLock; text: string } | null = existsSync(api.spec) ? verifyLock(api) : null,
): Promise<Candidate> {
  const source = opts.from ?? defaultSource(api);
  const lock = readLock(api);
  const sameSource = lock?.source === source;

  const fetched = await fetchSource(source, {
    etag: sameSource ? lock?.etag : null,
    lastModified: sameSource ? lock?.lastModified : null,
    timeoutMs: opts.timeoutMs,
    maxBytes: opts.maxBytes,
  });
  if (fetched.status === "not-modified") return { status: "not-modified", source };

  const doc = parseSpec(fetched.text, source);
  const hash = sha256(fetched.text);
  if (current && hash === current.lock.sha256) {
    // same bytes: refresh only the validators the next conditional request sends
    if (sameSource && (lock!.etag !== fetched.etag || lock!.lastModified !== fetched.lastModified)) {
      await writeFileAtomic(api.lock, serializeLock({ ...lock!, etag: fetched.etag, lastModified: fetched.lastModified }));
    }
    return { status: "unchanged", source, sha256: hash };
  }
  const stats = specStats(doc);
  return {
    status: "new",
    source,
    text: fetched.text,
    doc,
    sha256: hash,
    current,
    lock: {
      api: api.config.name,
      source,
      sha256: hash,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      fetchedAt: (opts.now?.() ?? new Date()).toISOString(),
      openapi: stats.openapi,
      operations: stats.operations,
      lockedBy: "spec:pull",
    },
  };
}

export async function pullSpec(api: ApiPaths, opts: PullOptions = {}): Promise<PullResult> {
  const c = await fetchCandidate(api, opts);
  if (c.status === "not-modified") return { outcome: "not-modified", source: c.source };
  if (c.status === "unchanged") return { outcome: "unchanged", source: c.source, sha256: c.sha256 };
  await replaceSnapshot(api, c.text, c.lock);
  return { outcome: "updated", source: c.source, sha256: c.sha256, previousSha256: c.current?.lock.sha256 ?? null, stats: specStats(c.doc) };
}

/**
 * Lints the new text as a temp sibling, then renames it over the snapshot and the new lock over the
 * old one. If the second rename fails the first is undone, so the pair never disagrees.
 */
export async function replaceSnapshot(api: ApiPaths, text: string, lock: SpecLock): Promise<void> {
  const specTmp = await writeTemp(api.spec, text);
  let lockTmp: string | undefined;
  try {
    await lintSpec(api, specTmp);
    lockTmp = await writeTemp(api.lock, serializeLock(lock));
    const previous = existsSync(api.spec) ? await readFile(api.spec) : null;
    await rename(specTmp, api.spec);
    try {
      await rename(lockTmp, api.lock);
    } catch (err) {
      if (previous) await writeFileAtomic(api.spec, previous);
      else await rm(api.spec, { force: true });
      throw err;
    }
  } finally {
    await rm(specTmp, { force: true });
    if (lockTmp) await rm(lockTmp, { force: true });
  }
}

/** spec:lock: for a hand-maintained spec, lint it and record its current hash. */
export async function lockSpec(api: ApiPaths, opts: { now?: () => Date } = {}): Promise<{ sha256: string; changed: boolean }> {
  if (!existsSync(api.spec)) {
    throw new LockMismatchError(`No snapshot at ${rel(api, api.spec)} to lock.`, `write it or run \`pnpm spec:pull --api ${api.config.name}\`.`);
  }
  const text = await readFile(api.spec, "utf8");
  const doc = parseSpec(text, rel(api, api.spec));
  await lintSpec(api);
  const hash = sha256(text);
  const old = readLock(api);
  if (old?.sha256 === hash) return { sha256: hash, changed: false };
  const stats = specStats(doc);
  await writeFileAtomic(
    api.lock,
    serializeLock({
      api: api.config.name,
      source: "hand-maintained",
      sha256: hash,
      etag: null,
      lastModified: null,
      fetchedAt: (opts.now?.() ?? new Date()).toISOString(),
      openapi: stats.openapi,
      operations: stats.operations,
      lockedBy: "spec:lock",
    }),
  );
  return { sha256: hash, changed: true };
}
