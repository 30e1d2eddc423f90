// Getting the new API's snapshot through exactly the path spec:pull uses (fetchCandidate: timeout,
// size cap, HTML refused, Swagger 2.0 converted, multi-file bundled, spec/<name>/overlays/ applied,
// parsed as OpenAPI), and what api.json records as the source: the URL or a repo-relative path,
// never a path on this machine. The one place api:add talks to the pull pipeline.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ApiPaths } from "../apis.ts";
import type { EffectiveSpec } from "../effective.ts";
import type { SpecLock } from "../lock.ts";
import { fetchCandidate, type PullOptions } from "../pull.ts";
import type { OpenApiDoc } from "../spec-doc.ts";

export interface Snapshot {
  /** The snapshot text (what spec/<name>/openapi.yaml will hold). */
  text: string;
  doc: OpenApiDoc;
  /** Snapshot + spec/<name>/overlays/: what lint, generate and the contract suite read. */
  effective: EffectiveSpec;
  lock: SpecLock;
  /** What api.json's sourceUrl gets: the URL, a repo-relative path, or "" for a file outside the repo. */
  sourceUrl: string;
}

/** `--from` as the fetcher needs it: URLs as given, paths absolute (relative to where the user ran pnpm). */
export function resolveFrom(from: string, cwd?: string): string;
export function resolveFrom(from: string[], cwd?: string): string[];
export function resolveFrom(from: string | string[], cwd = process.env.INIT_CWD ?? process.cwd()): string | string[] {
  if (Array.isArray(from)) return from.map((f) => resolveFrom(f, cwd));
  if (/^https?:\/\//i.test(from) || from.startsWith("file:")) return from;
  return pathToFileURL(path.resolve(cwd, from)).href;
}

/** Fetches, bundles, converts and applies the overlays already in spec/<name>/overlays/. */
export async function fetchSnapshot(api: ApiPaths, from: string | string[], opts: Pick<PullOptions, "timeoutMs" | "maxBytes" | "now"> = {}): Promise<Snapshot> {
  const candidate = await fetchCandidate(api, { ...opts, from }, null);
  if (candidate.status !== "new") throw new Error(`fetchCandidate answered "${candidate.status}" for an API with no snapshot yet.`);
  // the lock names the source as spec:pull does; a file outside the repository has no reusable name
  const label = candidate.lock.source;
  const reusable = (l: string) => (l.startsWith("(outside the repository)") ? "" : l);
  const sourceUrl = candidate.lock.sources ? "" : reusable(label);
  return { text: candidate.text, doc: candidate.doc, effective: candidate.effective, lock: candidate.lock, sourceUrl };
}
