// Every API the site documents, discovered from spec/*/api.json (a new API needs no docs code),
// each with its effective document (snapshot + overlays, lock-checked) and its package's facts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listApis, resolveApi } from "../../../scripts/lib/apis.ts";
import { loadEffectiveSpec } from "../../../scripts/lib/effective.ts";
import { coverageCounts, listOperations, type OperationRef } from "./coverage.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface DocsApi {
  /** Folder name under spec/, also the page's folder under dist/. */
  name: string;
  title: string;
  /** info.version of the spec. */
  version: string;
  /** The lock's sha256 of the snapshot as served (source.json). */
  sha256: string;
  /** sha256 of the effective document (differs from `sha256` when overlays apply). */
  effectiveSha256: string;
  overlays: string[];
  packageName: string;
  packageDir: string;
  /** Path operations (webhooks are listed apart). */
  operations: OperationRef[];
  webhooks: OperationRef[];
  coverage: Record<string, number>;
  doc: Record<string, unknown>;
}

export function loadDocsApis(root = repoRoot): DocsApi[] {
  return listApis(root).map((name) => {
    const api = resolveApi(name, root);
    const eff = loadEffectiveSpec(api);
    const doc = eff.doc as unknown as Record<string, unknown>;
    const info = (doc.info ?? {}) as { title?: string; version?: string };
    const all = listOperations(doc);
    return {
      name,
      title: info.title ?? name,
      version: String(info.version ?? "?"),
      sha256: eff.lock.sha256,
      effectiveSha256: eff.sha256,
      overlays: eff.overlays.map((o) => o.file),
      packageName: api.config.packageName,
      packageDir: path.relative(root, api.packageDir),
      operations: all.filter((o) => !o.webhook),
      webhooks: all.filter((o) => o.webhook),
      coverage: coverageCounts(doc),
      doc,
    };
  });
}

/** The workspace packages whose TSDoc makes the SDK reference: every API's package plus the runtime. */
export function sdkPackages(apis: DocsApi[], root = repoRoot): string[] {
  const dirs = ["packages/runtime", ...apis.map((a) => a.packageDir)];
  return dirs.filter((d) => {
    try {
      return Boolean(JSON.parse(readFileSync(path.join(root, d, "package.json"), "utf8")).name);
    } catch {
      return false;
    }
  });
}
