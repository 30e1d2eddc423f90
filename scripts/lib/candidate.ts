// Fetch → parse → bundle external $refs → convert Swagger 2.0: what a source becomes before any
// check that needs an API folder. spec:pull, spec:sync and api:add all start here.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { bundleDocument, externalRefs, type BundleRecord } from "./bundle.ts";
import { convertSwagger2, type ConversionRecord } from "./convert.ts";
import { fetchSource, type FetchOptions } from "./fetch-source.ts";
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
