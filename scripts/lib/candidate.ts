// Fetch → parse → bundle external $refs → convert Swagger 2.0: what a source becomes before any
// check that needs an API folder. spec:pull, spec:sync and api:add all start here.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { bundleDocument, externalRefs, type BundleRecord } from "./bundle.ts";
import { convertSwagger2, type ConversionRecord } from "./convert.ts";
import { fetchSource, type FetchOptions } from "./fetch-source.ts";
import { joinDocuments } from "./join.ts";
import { type OpenApiDoc, parseSource, sha256 } from "./spec-doc.ts";

export interface LoadedDocument {
  status: "ok";
  /** The snapshot's text: the served bytes when neither bundled nor converted, else YAML. */
  text: string;
  doc: OpenApiDoc;
  sha256: string;
  /** sha256 of the bytes the source served (the root document). */
  originalSha256: string;
  conversion: ConversionRecord | null;
  bundled: BundleRecord | null;
  etag: string | null;
  lastModified: string | null;
}

export type LoadResult = { status: "not-modified" } | LoadedDocument;

/**
 * Reads a source (URL, file:// URL or path) into one OpenAPI 3 document, with the fetch guards
 * (conditional request, timeout, size cap, no HTML). Relative paths resolve against `cwd`.
 */
export async function loadCandidate(source: string, opts: FetchOptions & { cwd?: string } = {}): Promise<LoadResult> {
  const local = !/^https?:\/\//i.test(source);
  const where = local && !source.startsWith("file:") ? path.resolve(opts.cwd ?? process.cwd(), source) : source;
  const fetched = await fetchSource(where, opts);
  if (fetched.status === "not-modified") return { status: "not-modified" };
  const parsed = parseSource(fetched.text, source);
  let doc: Record<string, any> = parsed.doc;
  let bundled: BundleRecord | null = null;
  if (externalRefs(doc).length) {
    const b = await bundleDocument(fetched.text, where, { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, cwd: opts.cwd });
    doc = b.doc;
    bundled = b.record;
  }
  let conversion: ConversionRecord | null = null;
  if (parsed.format === "swagger2") {
    const c = await convertSwagger2(doc, source);
    doc = c.doc;
    conversion = c.conversion;
  }
  const text = bundled || conversion ? stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }) : fetched.text;
  return {
    status: "ok",
    text,
    doc: doc as OpenApiDoc,
    sha256: sha256(text),
    originalSha256: sha256(fetched.text),
    conversion,
    bundled,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
  };
}

/**
 * How a source is written into the lock: URLs as they are, local files as a repo-relative path,
 * never a machine path (a file outside the repository is recorded by its name only).
 */
export function sourceLabel(source: string, root: string, cwd = process.cwd()): string {
  if (/^https?:\/\//i.test(source)) return source;
  const abs = source.startsWith("file:") ? fileURLToPath(source) : path.resolve(cwd, source);
  const relative = path.relative(root, abs);
  if (!relative.startsWith("..") && !path.isAbsolute(relative)) return relative.split(path.sep).join("/");
  return `(outside the repository)/${path.basename(abs)}`;
}

/** One of several documents a vendor publishes for one API, as api.json `sources` lists it. */
export interface SourceSpec {
  /** URL, file:// URL or path. */
  url: string;
  /** Short name for messages and the lock, e.g. Sage's group "common-resources". */
  name: string;
}

/** What the lock records for each joined source. */
export interface SourceRecord {
  name: string;
  /** URL or repo-relative path, never a machine path. */
  source: string;
  /** sha256 of the bytes this source served. */
  sha256: string;
  conversion?: ConversionRecord;
  bundled?: BundleRecord;
  etag: string | null;
  lastModified: string | null;
}

export interface JoinRecord {
  tool: "scripts/lib/join.ts";
  /** Source names in the order they were joined (the first one's info and servers are kept). */
  order: string[];
}

export type JoinedResult =
  | { status: "not-modified" }
  | (LoadedDocument & { sources: SourceRecord[]; join: JoinRecord });

/**
 * Loads every source through `loadCandidate` (same guards) and joins them, in order, into one
 * document with `joinDocuments`. The snapshot is that document as JSON (fast to parse back on every
 * regen). Conditional requests use each source's validators from `previous`; when only some
 * sources changed, the unchanged ones are fetched again unconditionally (their bytes are needed).
 */
export async function loadJoined(
  sources: readonly SourceSpec[],
  opts: FetchOptions & { cwd?: string; root: string; previous?: readonly SourceRecord[] },
): Promise<JoinedResult> {
  const labels = sources.map((s) => sourceLabel(s.url, opts.root, opts.cwd));
  const validators = (i: number) => {
    const prev = opts.previous?.find((p) => p.source === labels[i] && p.name === sources[i]!.name);
    return { etag: prev?.etag ?? null, lastModified: prev?.lastModified ?? null };
  };
  const base = { timeoutMs: opts.timeoutMs, maxBytes: opts.maxBytes, cwd: opts.cwd };
  let loaded = await Promise.all(sources.map((s, i) => loadCandidate(s.url, { ...base, ...validators(i) })));
  if (loaded.every((l) => l.status === "not-modified")) return { status: "not-modified" };
  loaded = await Promise.all(loaded.map((l, i) => (l.status === "ok" ? l : loadCandidate(sources[i]!.url, base))));
  const docs = loaded as LoadedDocument[];
  const doc = joinDocuments(docs.map((d, i) => ({ name: sources[i]!.name, doc: d.doc })));
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  return {
    status: "ok",
    text,
    doc,
    sha256: sha256(text),
    originalSha256: sha256(text),
    conversion: null,
    bundled: null,
    etag: null,
    lastModified: null,
    sources: docs.map((d, i) => ({
      name: sources[i]!.name,
      source: labels[i]!,
      sha256: d.originalSha256,
      ...(d.conversion ? { conversion: d.conversion } : {}),
      ...(d.bundled ? { bundled: d.bundled } : {}),
      etag: d.etag,
      lastModified: d.lastModified,
    })),
    join: { tool: "scripts/lib/join.ts", order: sources.map((s) => s.name) },
  };
}

/** A name for a `--from` given without one: the file name without its extension. */
export function sourceName(from: string): string {
  const base = path.posix.basename(from.replace(/[?#].*$/, "").replace(/\/+$/, ""));
  return base.replace(/\.(json|ya?ml)$/i, "") || "source";
}
