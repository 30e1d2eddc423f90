// Starts one Prism mock of the committed Parallax spec for the contract suite and stops it after.
// Tests read its URL with inject("prismUrl").
import type { TestProject } from "vitest/node";
import { specPath } from "./support/samples.js";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

// The shared launcher lives in scripts/lib (tooling, outside this package's rootDir), so it is
// imported at run time by URL rather than statically, which would pull it into this package's tsc.
const launcher = new URL("../../../../scripts/lib/test-servers.ts", import.meta.url).href;

interface PrismHandle {
  url: string;
  stop(): Promise<void>;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { startPrism } = (await import(launcher)) as { startPrism(o: { spec: string }): Promise<PrismHandle> };
  const prism = await startPrism({ spec: specPath });
  project.provide("prismUrl", prism.url);
  return () => prism.stop();
}
