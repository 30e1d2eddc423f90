// One self-contained reference page per API with Redocly's build-docs (Redoc inlined, so nothing
// loads from a CDN) and telemetry off: Redoc 3 posts OpenTelemetry traces to otel.cloud.redocly.com on
// clicks and searches unless the page says `disableTelemetry`, which build-docs writes only when
// REDOCLY_TELEMETRY=off (its `--openapi.disableTelemetry` flag is ignored), and which also stops the
// CLI's own telemetry at build time. The page is rendered from a copy of the effective document prepared here.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { HTTP_METHODS, labelCoverage } from "./coverage.ts";

type Json = Record<string, unknown>;

/**
 * What we render: coverage labels as badges, and each operation's id in its description, because
 * Redoc's search indexes titles and descriptions but not operationId.
 */
export function prepareForRedoc(doc: Json): Json {
  const copy = labelCoverage(doc);
  for (const section of ["paths", "webhooks"]) {
    const items = copy[section] as Record<string, Json> | undefined;
    for (const item of Object.values(items ?? {})) {
      for (const method of HTTP_METHODS) {
        const op = item?.[method] as Json | undefined;
        if (!op || typeof op.operationId !== "string") continue;
        const line = `Operation ID: \`${op.operationId}\``;
        op.description = typeof op.description === "string" && op.description ? `${op.description}\n\n${line}` : line;
      }
    }
  }
  return copy;
}

// Redoc's sidebar footer shows Redocly's logo from cdn.redoc.ly; a page must load nothing from the
// internet, so the address is replaced by an inline SVG of the same words.
const LOGO = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="56" height="14"><text x="0" y="11" font-family="sans-serif" font-size="11" fill="#555">Redocly</text></svg>')}`;

export function localizeRedocPage(html: string): string {
  if (!html.includes('"disableTelemetry":true')) {
    throw new Error("build-docs wrote a page without `disableTelemetry: true`: it would send traces to otel.cloud.redocly.com (has @redocly/cli changed how REDOCLY_TELEMETRY=off reaches the page?).");
  }
  return (
    html
      .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, LOGO)
      // an empty icon, or the browser asks for /favicon.ico and logs a 404 as a console error
      .replace(/<head>/i, '<head>\n<link rel="icon" href="data:,">')
  );
}

const require = createRequire(import.meta.url);

function redoclyBin(): string {
  const pkg = require.resolve("@redocly/cli/package.json");
  const bin = (JSON.parse(readFileSync(pkg, "utf8")) as { bin: Record<string, string> }).bin.redocly ?? "bin/cli.js";
  return path.join(path.dirname(pkg), bin);
}

export interface RedocPage {
  file: string;
  bytes: number;
  ms: number;
}

/** Writes `<outDir>/index.html` for one API; `workDir` receives the prepared document. */
export async function buildRedocPage(name: string, title: string, doc: Json, workDir: string, outDir: string): Promise<RedocPage> {
  const t0 = performance.now();
  mkdirSync(workDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const input = path.join(workDir, `${name}.json`);
  writeFileSync(input, JSON.stringify(prepareForRedoc(doc)));
  const file = path.join(outDir, "index.html");
  const args = [redoclyBin(), "build-docs", input, "--inlineBundle", "--lint-config", "off", "--title", title, "-o", file];
  await new Promise<string>((resolve, reject) => {
    // cwd: the work dir, so no redocly.yaml of the repo is picked up
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
    const child = spawn(process.execPath, args, { cwd: workDir, env, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(text) : reject(new Error(`redocly build-docs failed for ${name} (exit ${code}):\n${text.slice(-2000)}`))));
  });
  const html = localizeRedocPage(readFileSync(file, "utf8"));
  writeFileSync(file, html);
  return { file, bytes: Buffer.byteLength(html), ms: performance.now() - t0 };
}
