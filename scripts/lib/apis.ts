// Where each vendor API lives. One folder per API under spec/, described by its api.json;
// nothing here knows which vendors exist.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "./errors.ts";

/** The repository root; tests point the pipeline at a scratch copy with APIFORGE_ROOT. */
export function repoRoot(): string {
  return process.env.APIFORGE_ROOT
    ? path.resolve(process.env.APIFORGE_ROOT)
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
}

/** spec/<api>/api.json: the hand-written facts the pipeline needs about one API. */
export interface ApiConfig {
  /** Folder name under spec/, e.g. "parallax". */
  name: string;
  /** Workspace package that receives the generated code, relative to the repo root. */
  package: string;
  /** npm name of that package (used for changesets). */
  packageName: string;
  /** Where `spec:pull` fetches the vendor bundle by default. */
  sourceUrl: string;
  /**
   * Several documents for one API (a vendor publishing one per application): pulled through the same
   * safe path, joined in this order into one snapshot. When set, `sourceUrl` is unused ("").
   */
  sources?: { url: string; name: string }[];
  /** Env var that overrides `sourceUrl`, e.g. PARALLAX_SPEC_URL. */
  sourceEnv: string;
}

/** Every path the pipeline touches for one API. */
export interface ApiPaths {
  config: ApiConfig;
  root: string;
  dir: string;
  spec: string;
  lock: string;
  redocly: string;
  packageDir: string;
  generatedDir: string;
}

/** Names of all APIs (folders of spec/ that hold an api.json). */
export function listApis(root = repoRoot()): string[] {
  const specDir = path.join(root, "spec");
  if (!existsSync(specDir)) return [];
  return readdirSync(specDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(specDir, d.name, "api.json")))
    .map((d) => d.name)
    .sort();
}

/** Resolves `--api`; with one API in the repo the flag may be omitted. */
export function resolveApi(name: string | undefined, root = repoRoot()): ApiPaths {
  const apis = listApis(root);
  if (!name) {
    if (apis.length === 1) name = apis[0]!;
    else throw new UsageError(`This repository has ${apis.length} APIs (${apis.join(", ") || "none"}); say which one.`, "pass --api <name>.");
  }
  if (!apis.includes(name)) {
    throw new UsageError(`Unknown API "${name}": no spec/${name}/api.json.`, `use one of: ${apis.join(", ") || "(none yet)"}.`);
  }
  const config = JSON.parse(readFileSync(path.join(root, "spec", name, "api.json"), "utf8")) as ApiConfig;
  return apiPaths(root, config, name);
}

/** Where an API's files are: the one place that knows the layout of spec/<folder>/ and its package. */
export function apiPaths(root: string, config: ApiConfig, folder = config.name): ApiPaths {
  const dir = path.join(root, "spec", folder);
  const packageDir = path.join(root, config.package);
  return {
    config,
    root,
    dir,
    spec: path.join(dir, "openapi.yaml"),
    lock: path.join(dir, "source.json"),
    redocly: path.join(dir, "redocly.yaml"),
    packageDir,
    generatedDir: path.join(packageDir, "src", "generated"),
  };
}

/** Display form of a path inside the repo. */
export function rel(p: ApiPaths | string, file?: string): string {
  const root = typeof p === "string" ? repoRoot() : p.root;
  return path.relative(root, file ?? (typeof p === "string" ? p : p.dir)) || ".";
}
