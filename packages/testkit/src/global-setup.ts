// vitest globalSetup: one Prism mock of the package's spec per vitest project (so one per API),
// started on a free 127.0.0.1 port and stopped after the run. Tests read its URL with
// inject("prismUrl") and the document it mocks with inject("contractSpec").
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type ContractApi, contractApiFor } from "./spec.js";

// the same declaration as context.ts, repeated so this entry's declarations stand alone
declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
    contractSpec: string;
  }
}

// Repo tooling (scripts/lib) is not part of any package: imported by URL at run time so no
// package's tsc pulls it in. From src/ or dist/ alike the repo root is three folders up.
const scripts = (file: string) => new URL(`../../../scripts/lib/${file}`, import.meta.url).href;

interface PrismHandle {
  url: string;
  stop(): Promise<void>;
}

/** The document to mock: the snapshot, or snapshot + spec/<api>/overlays/ (the pipeline's effective document). */
async function effectiveSpec(api: ContractApi): Promise<{ file: string; cleanup(): void }> {
  const overlays = path.join(path.dirname(api.specFile), "overlays");
  if (!existsSync(overlays) || readdirSync(overlays).length === 0) return { file: api.specFile, cleanup: () => {} };
  const { resolveApi } = await import(scripts("apis.ts"));
  const { loadEffectiveSpec } = await import(scripts("effective.ts"));
  const dir = mkdtempSync(path.join(tmpdir(), `contract-${api.name}-`));
  const file = path.join(dir, "openapi.yaml");
  writeFileSync(file, loadEffectiveSpec(resolveApi(api.name, path.resolve(api.packageDir, "../.."))).text);
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}


export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const api = contractApiFor(project.config.root);
  const spec = await effectiveSpec(api);
  const { startPrism } = (await import(scripts("test-servers.ts"))) as { startPrism(o: { spec: string; startTimeoutMs?: number }): Promise<PrismHandle> };
  let prism: PrismHandle;
  try {
    prism = await startPrism({ spec: spec.file });
  } catch (err) {
    spec.cleanup();
    throw err;
  }
  project.provide("prismUrl", prism.url);
  project.provide("contractSpec", spec.file);
  return async () => {
    await prism.stop();
    spec.cleanup();
  };
}
