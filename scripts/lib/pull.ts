// spec:pull: fetch → parse → bundle → convert → identity check → lint (with overlays) →
// atomically replace snapshot + lock. Any failure before the final renames leaves the snapshot,
// the lock and the generated code byte-identical.
import { existsSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import type { ApiPaths } from "./apis.ts";
import { rel } from "./apis.ts";
import { writeFileAtomic, writeTemp } from "./atomic.ts";
import { type JoinedResult, type LoadResult, loadCandidate, loadJoined, type SourceSpec, sourceLabel, sourceName } from "./candidate.ts";
import { effectiveFromText, type EffectiveSpec } from "./effective.ts";
import { LockMismatchError, UsageError } from "./errors.ts";
import type { FetchOptions } from "./fetch-source.ts";
import { checkIdentity } from "./identity.ts";
import { lintSpec, lintText, type LintReport } from "./lint.ts";
import { readLock, serializeLock, verifyLock, type SpecLock } from "./lock.ts";
import { type OpenApiDoc, parseSpec, sha256, specStats } from "./spec-doc.ts";

export interface PullOptions extends Pick<FetchOptions, "timeoutMs" | "maxBytes"> {
  /**
   * URL, file:// URL or path; default: the API's env override, then api.json's sourceUrl (or its
   * `sources`). Several (repeated `--from`) are joined in order into one snapshot.
   */
  from?: string | string[];
  /** Accept a document whose identity changed (title, hosts, most operations lost). */
  force?: boolean;
  /** Clock for the lock's fetchedAt (tests). */
  now?: () => Date;
}

export type PullResult =
  | { outcome: "not-modified"; source: string }
  | { outcome: "unchanged"; source: string; sha256: string }
  | {
      outcome: "updated";
      source: string;
      sha256: string;
      previousSha256: string | null;
      stats: ReturnType<typeof specStats>;
      lock: SpecLock;
      /** Identity warnings, e.g. a drop in operation count. */
      warnings: string[];
    };

export function defaultSource(api: ApiPaths): string {
  return process.env[api.config.sourceEnv] || api.config.sourceUrl;
}

function isJoined(l: LoadResult | JoinedResult): l is Extract<JoinedResult, { status: "ok" }> {
  return l.status === "ok" && "sources" in l;
}

/**
 * Several sources to join, or null for a one-document API. `--from` wins over api.json `sources`;
 * an API that joins documents refuses a single replacement (or its one-URL env override), which
 * would silently drop the others.
 */
export function joinedSources(api: ApiPaths, from: PullOptions["from"]): SourceSpec[] | null {
  const list = from === undefined ? [] : [from].flat();
  if (list.length > 1) return list.map((url) => ({ url, name: sourceName(url) }));
  const configured = api.config.sources ?? [];
  if (configured.length > 1) {
    const names = configured.map((s) => s.name).join(", ");
    const single = list.length === 1 ? "one --from" : process.env[api.config.sourceEnv] ? `${api.config.sourceEnv} (one URL)` : null;
    if (single) throw new UsageError(`${api.config.name} joins ${configured.length} documents (${names}) but ${single} names only one.`, `pass one --from per document, in that order${list.length ? "" : `, or unset ${api.config.sourceEnv}`}.`);
  }
  if (list.length === 1) return null;
  return configured.length ? configured : null;
}

/** What a fetch produced, before anything on disk changes. */
export type Candidate =
  | { status: "not-modified"; source: string }
  | { status: "unchanged"; source: string; sha256: string }
  | {
      status: "new";
      source: string;
      /** The snapshot's text (served bytes, or the bundled/converted document). */
      text: string;
      doc: OpenApiDoc;
      sha256: string;
      /** Snapshot + the API's overlays: what lint and diff read. */
      effective: EffectiveSpec;
      /** The lock to write with the new snapshot. */
      lock: SpecLock;
      /** The snapshot being replaced, if there is one. */
      current: { lock: SpecLock; text: string } | null;
      warnings: string[];
    };

/**
 * The shared first half of spec:pull and spec:sync: check the lock, fetch conditionally, parse,
 * bundle, convert, check identity, apply overlays. Only the conditional-request validators of an
 * unchanged spec may be refreshed on disk.
 * `current` is the already verified snapshot when the caller checked it itself.
 */
export async function fetchCandidate(
  api: ApiPaths,
  opts: PullOptions = {},
  // a hand-edited snapshot must not be silently overwritten: the lock check runs first
  current: { lock: SpecLock; text: string } | null = existsSync(api.spec) ? verifyLock(api) : null,
): Promise<Candidate> {
  const joined = joinedSources(api, opts.from);
  const source = joined ? joined.map((s) => s.url).join(" + ") : ((Array.isArray(opts.from) ? opts.from[0] : opts.from) ?? defaultSource(api));
  const label = joined ? joined.map((s) => sourceLabel(s.url, api.root)).join(" + ") : sourceLabel(source, api.root);
  const lock = readLock(api);
  const sameSource = lock?.source === label;

  const loaded: LoadResult | JoinedResult = joined
    ? await loadJoined(joined, { root: api.root, previous: lock?.sources, timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes })
    : await loadCandidate(source, {
        etag: sameSource ? lock?.etag : null,
        lastModified: sameSource ? lock?.lastModified : null,
        timeoutMs: opts.timeoutMs,
        maxBytes: opts.maxBytes,
      });
  if (loaded.status === "not-modified") return { status: "not-modified", source: label };
  const joinFields: Pick<SpecLock, "sources" | "join"> = isJoined(loaded) ? { sources: loaded.sources, join: loaded.join } : {};

  if (current && loaded.sha256 === current.lock.sha256) {
    // same bytes: refresh only the validators the next conditional request sends
    const validatorsChanged = isJoined(loaded)
      ? JSON.stringify(lock?.sources) !== JSON.stringify(loaded.sources)
      : lock!.etag !== loaded.etag || lock!.lastModified !== loaded.lastModified;
    if (sameSource && validatorsChanged) {
      await writeFileAtomic(api.lock, serializeLock({ ...lock!, etag: loaded.etag, lastModified: loaded.lastModified, ...joinFields }));
    }
    return { status: "unchanged", source: label, sha256: loaded.sha256 };
  }
  const warnings = current ? checkIdentity(parseSpec(current.text, rel(api, api.spec)), loaded.doc, source, api.config.name, opts.force) : [];
  const effective = effectiveFromText(api, loaded.text, source);
  const stats = specStats(loaded.doc);
  return {
    status: "new",
    source: label,
    text: loaded.text,
    doc: loaded.doc,
    sha256: loaded.sha256,
    effective,
    current,
    warnings,
    lock: {
      api: api.config.name,
      source: label,
      sha256: loaded.sha256,
      ...(loaded.originalSha256 !== loaded.sha256 ? { originalSha256: loaded.originalSha256 } : {}),
      ...(loaded.conversion ? { conversion: loaded.conversion } : {}),
      ...(loaded.bundled ? { bundled: loaded.bundled } : {}),
      ...joinFields,
      ...(effective.overlays.length ? { overlays: effective.overlays, effectiveSha256: effective.sha256 } : {}),
      etag: loaded.etag,
      lastModified: loaded.lastModified,
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
  await replaceSnapshot(api, c.text, c.lock, c.effective);
  return { outcome: "updated", source: c.source, sha256: c.sha256, previousSha256: c.current?.lock.sha256 ?? null, stats: specStats(c.doc), lock: c.lock, warnings: c.warnings };
}

/** Lints what generate will read: the snapshot file itself, or snapshot + overlays. */
export async function lintEffective(api: ApiPaths, effective: EffectiveSpec, snapshotFile: string, label: string): Promise<LintReport> {
  // the temp file's name means nothing to the user: reports name the source instead
  if (!effective.overlays.length) return lintSpec(api, snapshotFile, label);
  return lintText(api, effective.text, `${label} + ${effective.overlays.length} overlay(s)`);
}

/**
 * Lints the new text as a temp sibling, then renames it over the snapshot and the new lock over the
 * old one. If the second rename fails the first is undone, so the pair never disagrees.
 */
export async function replaceSnapshot(api: ApiPaths, text: string, lock: SpecLock, effective = effectiveFromText(api, text, lock.source)): Promise<void> {
  const specTmp = await writeTemp(api.spec, text);
  let lockTmp: string | undefined;
  try {
    await lintEffective(api, effective, specTmp, lock.source);
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

/**
 * spec:lock: lint the effective document and record the hashes. A snapshot that still matches its
 * lock keeps its provenance (only the overlay hashes are refreshed); an edited one becomes
 * "hand-maintained".
 */
export async function lockSpec(api: ApiPaths, opts: { now?: () => Date } = {}): Promise<{ sha256: string; changed: boolean }> {
  if (!existsSync(api.spec)) {
    throw new LockMismatchError(`No snapshot at ${rel(api, api.spec)} to lock.`, `write it or run \`pnpm spec:pull --api ${api.config.name}\`.`);
  }
  const text = await readFile(api.spec, "utf8");
  const effective = effectiveFromText(api, text);
  await lintEffective(api, effective, api.spec, rel(api, api.spec));
  const hash = sha256(text);
  const old = readLock(api);
  const overlayFields = effective.overlays.length ? { overlays: effective.overlays, effectiveSha256: effective.sha256 } : {};
  if (old?.sha256 === hash) {
    if ((old.effectiveSha256 ?? old.sha256) === effective.sha256) return { sha256: hash, changed: false };
    const { overlays: _o, effectiveSha256: _e, ...rest } = old;
    await writeFileAtomic(api.lock, serializeLock({ ...rest, ...overlayFields }));
    return { sha256: hash, changed: true };
  }
  const stats = specStats(parseSpec(text, rel(api, api.spec)));
  await writeFileAtomic(
    api.lock,
    serializeLock({
      api: api.config.name,
      source: "hand-maintained",
      sha256: hash,
      ...overlayFields,
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
