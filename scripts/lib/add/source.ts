// Getting the new API's snapshot through exactly the path spec:pull uses (fetchCandidate: timeout,
// size cap, HTML refused, parsed as OpenAPI), plus what the lock and api.json record about where
// it came from: the URL, or a repo-relative path, never a path on this machine. The one place
// api:add talks to the pull pipeline, so bundling, Swagger 2.0 conversion and overlays plug in here.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ApiPaths } from "../apis.ts";
import type { SpecLock } from "../lock.ts";
import { fetchCandidate, type PullOptions } from "../pull.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { AddFailedError } from "./errors.ts";

export interface Snapshot {
  /** The snapshot text (what spec/<name>/openapi.yaml will hold). */
  text: string;
  doc: OpenApiDoc;
  /** Snapshot + spec/<name>/overlays/: what lint, generate and the contract suite read. */
  effective: { text: string; doc: OpenApiDoc; overlays: number };
  lock: SpecLock;
  /** What api.json's sourceUrl gets: the URL, a repo-relative path, or "" for a file outside the repo. */
  sourceUrl: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** `--from` as the fetcher needs it: URLs as given, paths absolute (relative to where the user ran pnpm). */
export function resolveFrom(from: string, cwd = process.env.INIT_CWD ?? process.cwd()): string {
  if (isUrl(from) || from.startsWith("file:")) return from;
  return pathToFileURL(path.resolve(cwd, from)).href;
}

/** How the lock and api.json name the source: the URL, or a path relative to the repo root. */
export function recordedSource(from: string, root: string): { lockSource: string; sourceUrl: string } {
  if (isUrl(from)) return { lockSource: from, sourceUrl: from };
  const file = from.startsWith("file:") ? new URL(from).pathname : path.resolve(from);
  const rel = path.relative(root, file);
  if (!rel.startsWith("..") && !path.isAbsolute(rel)) {
    const posix = rel.split(path.sep).join("/");
    return { lockSource: posix, sourceUrl: posix };
  }
  return { lockSource: `local file ${path.basename(file)} (outside the repository)`, sourceUrl: "" };
}

/**
 * Fetches and parses the source for `api` (whose spec folder holds at most its overlays/ yet).
 * With overlays, the pull pipeline must apply them (its candidate carries `effective`); a checkout
 * whose fetchCandidate cannot is refused rather than silently ignoring them.
 */
export async function fetchSnapshot(
  api: ApiPaths,
  from: string,
  opts: Pick<PullOptions, "timeoutMs" | "maxBytes" | "now"> & { overlays?: number } = {},
): Promise<Snapshot> {
  const candidate = await fetchCandidate(api, { ...opts, from }, null);
  if (candidate.status !== "new") throw new Error(`fetchCandidate answered "${candidate.status}" for an API with no snapshot yet.`);
  const effective = (candidate as { effective?: { text: string; doc: OpenApiDoc; overlays: unknown[] } }).effective;
  if (opts.overlays && !effective) {
    throw new AddFailedError("This checkout's spec:pull cannot apply overlays yet (no Overlay 1.0 support in scripts/lib).", "run api:add without --overlay, or update the checkout.");
  }
  const { lockSource, sourceUrl } = recordedSource(from, api.root);
  return {
    text: candidate.text,
    doc: candidate.doc,
    effective: effective ? { text: effective.text, doc: effective.doc, overlays: effective.overlays.length } : { text: candidate.text, doc: candidate.doc, overlays: 0 },
    lock: { ...candidate.lock, source: lockSource },
    sourceUrl,
  };
}
