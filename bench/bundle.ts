// pnpm bench bundle: what one client plus one GET costs a user's bundle, for every SDK in the repo,
// beside bare openapi-fetch doing the same call. esbuild bundles the built package (dist/, as
// npm ships it), minified, with code splitting as an app bundler does (Vite, Rollup, webpack split
// dynamic imports by default), for the node and browser platforms; sizes are gzip level 9. "gzip"
// is what loads for the GET (the entry chunk); "lazy" is what a dynamic import fetches only when
// used (`client.paginate`'s engine, OAuth2). Target (issue 14): at most 2× bare openapi-fetch.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { listApis, resolveApi } from "../scripts/lib/apis.ts";
import { toolRoot } from "../scripts/lib/exec.ts";
import { record } from "./_report.ts";
import { table } from "./_table.ts";

const dir = mkdtempSync(path.join(tmpdir(), "apiforge-bundle-"));
const pascal = (name: string) => name.replace(/(^|[-_])(\w)/g, (_m, _s, c: string) => c.toUpperCase());

interface Entry {
  label: string;
  code: string;
  /** The SDK's built entry, as npm would resolve it (SDKs are not all root dependencies). */
  alias?: Record<string, string>;
  /** The API name, for the report row id. */
  sdk?: string;
  /** Built on createLiteClient instead of the SDK's client. */
  lite?: boolean;
}

const entries: Entry[] = [
  {
    label: "bare openapi-fetch",
    code: `import createClient from "openapi-fetch";\nconst c = createClient({ baseUrl: "https://example.test" });\nexport const r = await c.GET("/things", {});\n`,
  },
];
for (const name of listApis()) {
  const api = resolveApi(name);
  const { meta } = (await import(path.join(api.packageDir, "dist", "index.js"))) as { meta: Record<string, any> };
  const ops = Object.values((meta.operations ?? meta.paginatedOperations ?? {}) as Record<string, { method?: string; path?: string }>);
  const get = ops.find((o) => (o.method ?? "get") === "get" && o.path && !o.path.includes("{"))?.path ?? Object.keys(meta.paginatedOperations ?? {})[0];
  entries.push({
    label: `${api.config.packageName} (client + one GET)`,
    sdk: name,
    alias: { [api.config.packageName]: path.join(api.packageDir, "dist", "index.js") },
    code: `import { create${pascal(name)}Client } from "${api.config.packageName}";\nconst c = create${pascal(name)}Client({ apiKey: "k", token: "k", accessToken: "k", baseUrl: "https://example.test" });\nexport const r = await c.GET(${JSON.stringify(get)}, {});\n`,
  });
  // the same call on createLiteClient (no pacing, paginate or bulk): what those cost by their absence
  entries.push({
    label: `${api.config.packageName} (createLiteClient + one GET)`,
    sdk: name,
    lite: true,
    alias: { [api.config.packageName]: path.join(api.packageDir, "dist", "index.js") },
    code: `import { createLiteClient } from "@apiforge/runtime";\nimport { meta } from "${api.config.packageName}";\nconst c = createLiteClient(meta, { apiKey: "k", token: "k", accessToken: "k", baseUrl: "https://example.test" });\nexport const r = await c.GET(${JSON.stringify(get)}, {});\n`,
  });
}

async function size(entry: Entry, platform: "node" | "browser"): Promise<{ raw: number; gzip: number; lazy: number } | string> {
  const file = path.join(dir, `${entry.label.replace(/\W+/g, "-")}-${platform}.mjs`);
  writeFileSync(file, entry.code);
  try {
    const out = await build({
      entryPoints: [file],
      bundle: true,
      minify: true,
      format: "esm",
      platform,
      target: "es2022",
      write: false,
      splitting: true,
      outdir: path.join(dir, `out-${platform}`),
      metafile: true,
      logLevel: "silent",
      nodePaths: [path.join(toolRoot, "node_modules")],
      absWorkingDir: toolRoot,
      ...(entry.alias && { alias: entry.alias }),
    });
    // what loads for the GET: the entry chunk and every chunk it imports statically (shared code)
    const outputs = out.metafile!.outputs;
    const main = Object.keys(outputs).find((o) => outputs[o]!.entryPoint)!;
    const initial = new Set<string>();
    for (const queue = [main]; queue.length; ) {
      const o = queue.pop()!;
      if (initial.has(o)) continue;
      initial.add(o);
      for (const i of outputs[o]!.imports) if (i.kind === "import-statement" && outputs[i.path]) queue.push(i.path);
    }
    const files = out.outputFiles.filter((f) => f.path.endsWith(".js"));
    const isInitial = (f: { path: string }) => [...initial].some((o) => path.resolve(toolRoot, o) === f.path);
    const gz = (b: Uint8Array) => gzipSync(b, { level: 9 }).length;
    // chunks are gzipped one by one, as a server sends them
    const sum = (fs: typeof files, m: (f: (typeof files)[number]) => number) => fs.reduce((n, f) => n + m(f), 0);
    const now = files.filter(isInitial);
    const later = files.filter((f) => !isInitial(f));
    return { raw: sum(now, (f) => f.contents.length), gzip: sum(now, (f) => gz(f.contents)), lazy: sum(later, (f) => gz(f.contents)) };
  } catch (err) {
    const first = (err as { errors?: { text: string }[] }).errors?.[0]?.text ?? (err as Error).message.split("\n")[0];
    return `fails: ${first}`;
  }
}

const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`;
const rows: string[][] = [];
const bare: Record<string, number> = {};
for (const platform of ["node", "browser"] as const) {
  for (const entry of entries) {
    const s = await size(entry, platform);
    if (typeof s === "string") {
      rows.push([platform, entry.label, s, "", "", ""]);
      continue;
    }
    if (entry.label.startsWith("bare")) bare[platform] = s.gzip;
    const peer = bare[platform]!;
    const ratio = s.gzip / peer;
    rows.push([platform, entry.label, kb(s.raw), kb(s.gzip), s.lazy ? kb(s.lazy) : "—", `${ratio.toFixed(2)}×`]);
    if (entry.sdk) {
      record({
        id: `bundle.${entry.sdk}${entry.lite ? ".lite" : ""}.${platform}`,
        measure: `${entry.label}: gzip of what loads for the GET (${platform}, esbuild, minified)`,
        ours: Math.round(s.gzip),
        unit: "B",
        peer: { name: "bare openapi-fetch, one GET", value: peer },
        target: "≤ 2×",
        met: ratio <= 2,
        note: `${ratio.toFixed(2)}×; ${kb(s.lazy)} more in lazy chunks (${entry.lite ? "OAuth2" : "pagination engine, OAuth2"}) loaded only when used`,
      });
    }
  }
}
rmSync(dir, { recursive: true, force: true });

table("bundle size: one client + one GET (esbuild, minified, split, gzip -9)", ["platform", "bundle", "minified", "gzip", "lazy chunks (gzip)", "vs bare (target ≤ 2×)"], rows);
