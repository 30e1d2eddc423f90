// The webhook verifier and the pagination strategies use only web APIs (Web Crypto, Uint8Array,
// URL, Headers): a browser bundle of each builds with no Node built-in to resolve.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

describe("browser bundles", () => {
  it.each([
    ["verifyWebhook", "webhooks/index.ts"],
    ["pagination strategies", "pagination/registry.ts"],
    ["error envelopes", "errors/envelope.ts"],
  ])("%s bundle for the browser without Node built-ins", async (_, entry) => {
    const out = await build({ entryPoints: [path.join(src, entry)], bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["'](node:)?(crypto|buffer|url|querystring)["']/);
    expect(code).not.toMatch(/\bBuffer\./);
  });
});
