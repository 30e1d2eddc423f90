// The effective document: the vendor's snapshot with our overlays applied (file-name order).
// Lint, generate, generate:check, regen and sync all read it through loadEffectiveSpec, so the
// snapshot stays byte-identical to what the vendor served while our fixes live beside it.
import path from "node:path";
import { stringify } from "yaml";
import type { ApiPaths } from "./apis.ts";
import { rel } from "./apis.ts";
import { LockMismatchError } from "./errors.ts";
import { verifyLock, type SpecLock } from "./lock.ts";
import { applyOverlays, readOverlays, type OverlayFile } from "./overlay.ts";
import { looksLikeJson, type OpenApiDoc, parseSpec, sha256 } from "./spec-doc.ts";

export interface EffectiveSpec {
  /** The text lint and generate read: the snapshot itself when there are no overlays. */
  text: string;
  doc: OpenApiDoc;
  sha256: string;
  /** The snapshot's own hash (what the lock's `sha256` guards). */
  snapshotSha256: string;
  overlays: { file: string; sha256: string }[];
}

export function overlaysDir(api: ApiPaths): string {
  return path.join(api.dir, "overlays");
}

export function readApiOverlays(api: ApiPaths): OverlayFile[] {
  return readOverlays(overlaysDir(api), rel(api, overlaysDir(api)));
}

/** Applies the API's overlays to a snapshot's text (a candidate's or the committed one). */
export function effectiveFromText(api: ApiPaths, snapshotText: string, origin = rel(api, api.spec)): EffectiveSpec {
  const snapshot = parseSpec(snapshotText, origin);
  const overlays = readApiOverlays(api);
  const snapshotSha256 = sha256(snapshotText);
  if (!overlays.length) return { text: snapshotText, doc: snapshot, sha256: snapshotSha256, snapshotSha256, overlays: [] };
  const doc = applyOverlays(snapshot, overlays);
  // a stable serialisation: same snapshot + same overlays → same bytes → same hash; a JSON
  // snapshot stays JSON (much faster to write and read back for multi-megabyte specs)
  const text = looksLikeJson(snapshotText) ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
  return { text, doc, sha256: sha256(text), snapshotSha256, overlays: overlays.map((o) => ({ file: path.posix.basename(o.name), sha256: sha256(o.text) })) };
}

/**
 * The committed snapshot (lock-checked) with its overlays applied. Refuses overlays that changed
 * since the lock recorded them, so generated code always says which fixes it was built with.
 */
export function loadEffectiveSpec(api: ApiPaths): EffectiveSpec & { lock: SpecLock } {
  const { lock, text } = verifyLock(api);
  const eff = effectiveFromText(api, text);
  const recorded = lock.effectiveSha256 ?? lock.sha256;
  if (eff.sha256 !== recorded) {
    const names = eff.overlays.map((o) => o.file).join(", ") || "none";
    throw new LockMismatchError(
      `The overlays in ${rel(api, overlaysDir(api))}/ (${names}) changed since ${rel(api, api.lock)} was written: the effective document's sha256 is ${eff.sha256.slice(0, 12)}…, the lock says ${recorded.slice(0, 12)}….`,
      `run \`pnpm spec:lock --api ${api.config.name}\` to lint the result and record it (the snapshot's provenance is kept).`,
    );
  }
  return { ...eff, lock };
}
