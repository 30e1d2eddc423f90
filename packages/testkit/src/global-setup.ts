// vitest globalSetup: one Prism mock of the package's spec per vitest project (so one per API),
// started on a free 127.0.0.1 port and stopped after the run. Tests read its URL with inject("prismUrl").
import type { TestProject } from "vitest/node";
import { contractApiFor } from "./spec.js";

// The shared launcher is repo tooling (scripts/lib), not part of any package: imported by URL at
// run time so no package's tsc pulls it in. From src/ or dist/ alike the repo root is three up.
const launcher = new URL("../../../scripts/lib/test-servers.ts", import.meta.url).href;

// the same declaration as context.ts, repeated so this entry's declarations stand alone
declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

interface PrismHandle {
  url: string;
  stop(): Promise<void>;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const api = contractApiFor(project.config.root);
  const { startPrism } = (await import(launcher)) as { startPrism(o: { spec: string }): Promise<PrismHandle> };
  const prism = await startPrism({ spec: api.specFile });
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
