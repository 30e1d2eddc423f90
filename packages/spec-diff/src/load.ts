// Reading one side of a diff: a file path, or `<git-ref>:<path>` read with `git show`. A document
// whose `$ref`s point at other files is bundled first (Redocly's bundler, loaded only then), so a
// change inside a referenced file is compared like any other; any external `$ref` left after that
// is refused, never compared by its string.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DiffInputError } from "./errors.js";
import { parseDocument, type OpenApiDoc } from "./parse.js";

const SOURCE_HINT = "pass a path to an OpenAPI 3.x YAML/JSON file, or <git-ref>:<path> such as HEAD:spec/api.yaml";

export interface LoadOptions {
  /** Directory paths and `ref:path` sources are resolved against. @default process.cwd() */
  cwd?: string;
  /** Collects what was assumed while loading (e.g. a missing `openapi` field). */
  warnings?: string[];
}

/** `HEAD:spec/x.yaml` → { ref: "HEAD", file: "spec/x.yaml" }; anything that is an existing file stays a file. */
export function parseSource(source: string, cwd = process.cwd()): { ref: string; file: string } | null {
  if (existsSync(path.resolve(cwd, source))) return null;
  const m = /^([^:\s]+):(.+)$/.exec(source);
  // "C:\..." style drive letters are paths, not refs
  if (!m || /^[A-Za-z]$/.test(m[1]!)) return null;
  return { ref: m[1]!, file: m[2]! };
}

/** `git show ref:path`, with the path resolved against cwd as a user typing it expects. */
function gitShow(ref: string, file: string, cwd: string): string {
  const spec = file.startsWith("/") ? `${ref}:${file.slice(1)}` : `${ref}:${file.startsWith("./") ? file : `./${file}`}`;
  return execFileSync("git", ["show", spec], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
}

function readText(source: string, cwd: string): string {
  const git = parseSource(source, cwd);
  if (git) {
    try {
      return gitShow(git.ref, git.file, cwd);
    } catch (err) {
      const stderr = String((err as { stderr?: unknown }).stderr ?? (err as Error).message).trim().split("\n")[0];
      throw new DiffInputError(`Cannot read ${source} from git: ${stderr}`, `check that the ref exists (git rev-parse ${git.ref}) and that the path exists at that ref; or ${SOURCE_HINT}.`, { cause: err });
    }
  }
  try {
    return readFileSync(path.resolve(cwd, source), "utf8");
  } catch (err) {
    throw new DiffInputError(`Cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, `${SOURCE_HINT}.`, { cause: err });
  }
}

/** Every `$ref` that leaves the document (`./pet.yaml#/Pet`, `https://…`), with where it is. */
export function externalRefs(doc: unknown, limit = 20): { ref: string; at: string }[] {
  const out: { ref: string; at: string }[] = [];
  const seen = new Set<object>();
  const keys: string[] = [];
  // the pointer is spelled only for a hit: the walk visits every node of a large document
  const walk = (node: unknown): void => {
    if (out.length >= limit || !node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === "string" && !ref.startsWith("#")) out.push({ ref, at: `#${keys.map((k) => `/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("")}` });
    for (const k in node) {
      // examples are data, not schema: a "$ref" key there is the vendor's payload
      if (k === "example" || k === "examples" || k.startsWith("x-")) continue;
      const v = (node as Record<string, unknown>)[k];
      if (!v || typeof v !== "object") continue;
      keys.push(k);
      walk(v);
      keys.pop();
    }
  };
  walk(doc);
  return out;
}

/** Bundles the multi-file document rooted at `source` into one (external refs become components). */
async function bundleSource(source: string, cwd: string): Promise<OpenApiDoc> {
  const redocly = await import("@redocly/openapi-core");
  const git = parseSource(source, cwd);
  const root = path.resolve(cwd, git ? git.file : source);
  class GitResolver extends redocly.BaseResolver {
    override async loadExternalRef(absoluteRef: string) {
      if (!git || /^https?:\/\//.test(absoluteRef)) return super.loadExternalRef(absoluteRef);
      // the referenced files are read at the same git ref as the root document
      return new redocly.Source(absoluteRef, gitShow(git.ref, path.relative(cwd, absoluteRef), cwd));
    }
  }
  const config = await redocly.createConfig({});
  const result = await redocly.bundle({ ref: root, config, externalRefResolver: new GitResolver(), dereference: false });
  return result.bundle.parsed as OpenApiDoc;
}

/** Loads and parses one side of the diff; throws DiffInputError naming the problem and the fix. */
export async function loadSpec(source: string, opts: LoadOptions = {}): Promise<OpenApiDoc> {
  const cwd = opts.cwd ?? process.cwd();
  let doc = parseDocument(readText(source, cwd), source, opts.warnings);
  let left = externalRefs(doc);
  if (left.length) {
    doc = await bundleSource(source, cwd);
    left = externalRefs(doc);
  }
  if (left.length) {
    const list = left.slice(0, 3).map((x) => `${x.ref} (at ${x.at})`).join(", ");
    throw new DiffInputError(
      `${source} still has ${left.length >= 20 ? "20 or more" : left.length} external $ref${left.length === 1 ? "" : "s"} after bundling: ${list}. Comparing them by their text would miss changes inside the referenced files.`,
      "make every referenced file readable next to the document (or at the same git ref), or bundle it yourself first (`npx @redocly/cli bundle <file> -o bundled.yaml`) and diff the bundle.",
    );
  }
  return doc;
}
