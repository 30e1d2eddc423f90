// Which spec a package is the SDK of, read from spec/*/api.json (its `package` field), and the
// document Prism mocks and the cases are read from. The only place that knows where specs live.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export type Obj = Record<string, any>;

export interface ContractApi {
  /** Folder name under spec/. */
  name: string;
  /** Absolute path of the document Prism mocks and the cases come from. */
  specFile: string;
  /** Absolute path of the package directory. */
  packageDir: string;
}

/** Walks up from `start` to the first folder holding `marker`. */
export function findUp(start: string, marker: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, marker))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No ${marker} above ${start}.`);
  }
}

/** The API whose api.json names the package holding `fileOrDir` (an import.meta.url or a path). */
export function contractApiFor(fileOrDir: string): ContractApi {
  const start = fileOrDir.startsWith("file:") ? path.dirname(fileURLToPath(fileOrDir)) : fileOrDir;
  const packageDir = findUp(start, "package.json");
  const root = findUp(packageDir, "pnpm-workspace.yaml");
  const specDir = path.join(root, "spec");
  const relPackage = path.relative(root, packageDir).split(path.sep).join("/");
  for (const name of existsSync(specDir) ? readdirSync(specDir).sort() : []) {
    const apiJson = path.join(specDir, name, "api.json");
    if (!existsSync(apiJson)) continue;
    const config = JSON.parse(readFileSync(apiJson, "utf8")) as { package?: string };
    if (config.package?.replace(/\/$/, "") === relPackage) return { name, specFile: path.join(specDir, name, "openapi.yaml"), packageDir };
  }
  throw new Error(`No spec/*/api.json has "package": "${relPackage}"; the contract suite reads its cases from that API's spec.`);
}

const cache = new Map<string, Obj>();

/** Parses the spec once per process (YAML or JSON text). */
export function loadSpec(specFile: string): Obj {
  let doc = cache.get(specFile);
  if (!doc) {
    doc = parse(readFileSync(specFile, "utf8"), { maxAliasCount: 10_000 }) as Obj;
    cache.set(specFile, doc);
  }
  return doc;
}
