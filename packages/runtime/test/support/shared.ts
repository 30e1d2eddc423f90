// The monorepo's shared test launchers (scripts/lib/test-servers.ts) live outside this package's
// rootDir, so they are imported at run time by URL; a static import would pull them into tsc.
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface PrismHandle {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

interface Launchers {
  freePort(): Promise<number>;
  startPrism(opts: { spec: string; dynamic?: boolean; args?: string[] }): Promise<PrismHandle>;
}

const launcher = new URL("../../../../scripts/lib/test-servers.ts", import.meta.url).href;
const load = () => import(launcher) as Promise<Launchers>;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
export const freePort = async (): Promise<number> => (await load()).freePort();
export const startPrism = async (opts: { spec: string }): Promise<PrismHandle> => (await load()).startPrism(opts);
