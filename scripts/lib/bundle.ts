// Multi-file descriptions: a root document whose $refs point at other files (relative paths,
// file:// or http URLs) is bundled into one document with @redocly/openapi-core, so generate and
// spec:diff never see an external $ref. Referenced files are read through the same guards as the
// root (timeout, size cap, no HTML).
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { BaseResolver, bundleFromString, createConfig, Source } from "@redocly/openapi-core";
import { SpecBundleError } from "./errors.ts";
import { DEFAULT_MAX_BYTES, fetchSource } from "./fetch-source.ts";

export interface BundleRecord {
  tool: string;
  version: string;
  /** The referenced files, relative to the root document (URLs stay URLs when on another host). */
  files: string[];
}

/** Every `$ref` in `doc` that points outside it (anything not starting with "#"), deduplicated. */
export function externalRefs(doc: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const v of node) walk(v);
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) out.add(v);
        else walk(v);
      }
    }
  };
  walk(doc);
  return [...out].sort();
}

/** A resolver whose reads obey the pull's timeout and size cap. */
class GuardedResolver extends BaseResolver {
  constructor(private readonly guard: { timeoutMs?: number; maxBytes?: number }) {
    super();
  }
  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (/^https?:\/\//i.test(absoluteRef)) {
      const r = await fetchSource(absoluteRef, this.guard);
      if (r.status !== "ok") throw new Error(`${absoluteRef} answered 304 to an unconditional request`);
      return new Source(absoluteRef, r.text);
    }
    const file = absoluteRef.startsWith("file:") ? fileURLToPath(absoluteRef) : absoluteRef;
    const { size } = await stat(file);
    const max = this.guard.maxBytes ?? DEFAULT_MAX_BYTES;
    if (size > max) throw new Error(`${file} is larger than the ${max}-byte cap`);
    return new Source(absoluteRef, await readFile(file, "utf8"));
  }
}

/** The base every relative $ref resolves against: the URL, or the absolute path of a local file. */
export function refBase(source: string, cwd = process.cwd()): string {
  if (/^https?:\/\//i.test(source)) return source;
  return source.startsWith("file:") ? fileURLToPath(source) : path.resolve(cwd, source);
}

/**
 * Bundles `text` (fetched from `source`) into one document. Throws SpecBundleError naming each
 * $ref that could not be resolved, or any external $ref left over.
 */
export async function bundleDocument(
  text: string,
  source: string,
  opts: { timeoutMs?: number; maxBytes?: number; cwd?: string } = {},
): Promise<{ doc: Record<string, any>; record: BundleRecord }> {
  const base = refBase(source, opts.cwd);
  const result = await bundleFromString({
    source: text,
    absoluteRef: base,
    config: await createConfig({}),
    externalRefResolver: new GuardedResolver(opts),
  });
  const failures = [...new Set(result.problems.filter((p) => p.severity === "error").map((p) => p.message))];
  if (failures.length) {
    throw new SpecBundleError(
      `${source} references other files that could not be bundled:\n${failures.map((m) => `    ${m}`).join("\n")}`,
      "check that every referenced file is published next to the root document (relative $refs resolve against its URL or path); nothing on disk changed.",
    );
  }
  const doc = result.bundle.parsed as Record<string, any>;
  const left = externalRefs(doc);
  if (left.length) {
    throw new SpecBundleError(`Bundling ${source} left external $refs: ${left.slice(0, 5).join(", ")}.`, "report this with the source; nothing on disk changed.");
  }
  const require = createRequire(import.meta.url);
  const version = (require("@redocly/openapi-core/package.json") as { version: string }).version;
  const files = [...result.fileDependencies].filter((f) => f !== base).map((f) => relativeTo(base, f)).sort();
  return { doc, record: { tool: "@redocly/openapi-core", version, files } };
}

function relativeTo(base: string, file: string): string {
  if (/^https?:\/\//i.test(base) && /^https?:\/\//i.test(file)) {
    const b = new URL(base);
    const f = new URL(file);
    if (b.origin !== f.origin) return file;
    return path.posix.relative(path.posix.dirname(b.pathname), f.pathname);
  }
  if (/^https?:\/\//i.test(file)) return file;
  return path.relative(path.dirname(base), file).split(path.sep).join("/");
}
