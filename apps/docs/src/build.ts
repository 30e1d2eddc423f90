// `pnpm docs:build`: apps/docs/dist/ = index.html, one Redoc page per API (<api>/index.html), the
// SDK reference (sdk/) and manifest.json (what was built from what: the browser test reads it).
// Built into a scratch folder and swapped in by renames, so a failed build leaves the last site.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type DocsApi, loadDocsApis, repoRoot, sdkPackages } from "./apis.ts";
import { renderIndex } from "./index-page.ts";
import { inputsHash } from "./inputs.ts";
import { buildRedocPage } from "./redoc.ts";
import { buildSdkReference } from "./sdk.ts";

export const docsDir = path.join(repoRoot, "apps/docs");
export const distDir = path.join(docsDir, "dist");

export interface Manifest {
  inputsHash: string;
  builtAt: string;
  apis: {
    name: string;
    title: string;
    version: string;
    sha256: string;
    packageName: string;
    page: string;
    pageBytes: number;
    buildMs: number;
    operations: { operationId: string | undefined; method: string; path: string; summary: string | undefined; coverage: string | undefined }[];
    webhooks: { operationId: string | undefined; method: string; path: string; summary: string | undefined }[];
    sdk: string;
  }[];
  sdk: { modules: string[]; buildMs: number };
  totalMs: number;
}

/** Runs jobs with at most `limit` at a time (build-docs is a Node process each; the machine has 2 cores). */
async function pool<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** TypeDoc's file name for a module page: `@apiforge/strawblond` → modules/_apiforge_strawblond.html. */
const sdkModuleHref = (pkg: string) => `sdk/modules/${pkg.replace(/[^a-z0-9-]/gi, "_")}.html`;

export async function buildSite(options: { log?: (line: string) => void } = {}): Promise<Manifest> {
  const log = options.log ?? (() => {});
  const t0 = performance.now();
  const hash = inputsHash(repoRoot);
  const apis: DocsApi[] = loadDocsApis();
  if (!apis.length) throw new Error("No APIs to document: no spec/<api>/api.json in this repository (add one with `pnpm api:add`).");
  const tmp = path.join(docsDir, `.dist-${process.pid}`);
  const work = path.join(docsDir, ".cache");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    // TypeDoc runs in this process while build-docs runs in child processes
    const [sdk, pages] = await Promise.all([
      buildSdkReference(repoRoot, sdkPackages(apis), path.join(work, "sdk"), path.join(tmp, "sdk")).then((r) => {
        log(`sdk reference  ${(r.ms / 1000).toFixed(1)} s  (${r.modules.join(", ")})`);
        return r;
      }),
      pool(apis, 2, async (api) => {
        const page = await buildRedocPage(api.name, `${api.title} — API reference`, api.doc, path.join(work, "redoc"), path.join(tmp, api.name));
        log(`${api.name.padEnd(14)} ${(page.ms / 1000).toFixed(1)} s  ${(page.bytes / 1024).toFixed(0)} KiB  ${api.operations.length} operations`);
        return page;
      }),
    ]);
    const manifest: Manifest = {
      inputsHash: hash,
      builtAt: new Date().toISOString(),
      apis: apis.map((api, i) => ({
        name: api.name,
        title: api.title,
        version: api.version,
        sha256: api.sha256,
        packageName: api.packageName,
        page: `${api.name}/`,
        pageBytes: pages[i]!.bytes,
        buildMs: Math.round(pages[i]!.ms),
        operations: api.operations.map(({ operationId, method, path: p, summary, coverage }) => ({ operationId, method, path: p, summary, coverage })),
        webhooks: api.webhooks.map(({ operationId, method, path: p, summary }) => ({ operationId, method, path: p, summary })),
        sdk: sdkModuleHref(api.packageName),
      })),
      sdk: { modules: sdk.modules, buildMs: Math.round(sdk.ms) },
      totalMs: 0,
    };
    writeFileSync(
      path.join(tmp, "index.html"),
      renderIndex(
        apis.map((api) => ({
          name: api.name,
          title: api.title,
          version: api.version,
          operations: api.operations.length,
          webhooks: api.webhooks.length,
          sha256: api.sha256,
          overlays: api.overlays,
          packageName: api.packageName,
          coverage: api.coverage,
          sdkHref: sdkModuleHref(api.packageName),
        })),
        manifest.builtAt,
      ),
    );
    manifest.totalMs = Math.round(performance.now() - t0);
    writeFileSync(path.join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    const old = `${distDir}.old-${process.pid}`;
    if (existsSync(distDir)) renameSync(distDir, old);
    renameSync(tmp, distDir);
    rmSync(old, { recursive: true, force: true });
    return manifest;
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  buildSite({ log: (l) => console.log(`  ${l}`) }).then(
    (m) => console.log(`apps/docs/dist: ${m.apis.length} APIs, ${m.apis.reduce((n, a) => n + a.operations.length, 0)} operations, built in ${(m.totalMs / 1000).toFixed(1)} s`),
    (err: unknown) => {
      console.error(`docs:build failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
