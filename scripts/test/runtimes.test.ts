// Every SDK runs wherever `fetch` runs. For each API package: an esbuild browser bundle of it builds
// with no Node built-in marked external (esbuild's browser platform cannot resolve one, so the
// build itself is the check), and that bundle runs inside `edge-runtime` (Vercel's Edge Runtime VM:
// web APIs only, no `process`, no `Buffer`), where the package's client sends a request to a local
// server and `verifyWebhook` checks a delivery signed here with node:crypto.
import { createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { EdgeVM } from "@edge-runtime/vm";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApis, resolveApi } from "../lib/apis.ts";

interface Meta {
  envPrefix: string;
  auth: readonly { type: string; env: string }[];
  operations: Record<string, { method: string; path: string }>;
  webhooks?: { signatureHeader: string; timestampHeader?: string; signedPayload: string; signaturePrefix?: string; encodings: readonly string[]; eventField?: string };
}

const apis = listApis().map((name) => resolveApi(name));

// what runs inside the VM: the package's own factory and verifier (the runtime's for packages without one)
const ENTRY = `
import * as sdk from "PACKAGE";
import { verifyWebhook } from "@apiforge/runtime";
export async function run(input) {
  const out = { process: typeof process, buffer: typeof Buffer };
  const create = Object.entries(sdk).find(([name, value]) => /^create\\w+Client$/.test(name) && name !== "createLiteClient" && typeof value === "function")[1];
  const client = create({ env: input.env, rateLimit: false, retry: false });
  const result = await client.GET(input.path, {});
  out.status = result.response.status;
  out.baseUrl = client.baseUrl;
  if (input.webhook) {
    const verify = sdk.verifyWebhook ?? ((options) => verifyWebhook(sdk.meta.webhooks, options));
    out.event = await verify({ rawBody: input.webhook.body, headers: input.webhook.headers, secret: input.webhook.secret });
    const tampered = await verify({ rawBody: input.webhook.body + " ", headers: input.webhook.headers, secret: input.webhook.secret }).catch((e) => e.name);
    out.tampered = tampered;
  }
  return JSON.stringify(out);
}
`;

async function browserBundle(packageName: string, packageDir: string) {
  return build({
    stdin: { contents: ENTRY.replace("PACKAGE", packageName), resolveDir: packageDir, loader: "js" },
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "__sdk",
    write: false,
    logLevel: "silent",
  });
}

let seen: { method: string; url: string; headers: IncomingMessage["headers"] }[] = [];
let url = "";
const server = createServer((req, res) => {
  seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
  req.resume();
  res.writeHead(200, { "content-type": "application/json" });
  res.end("{}");
});
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** The credential and base URL through the variables the README documents, handed in as `env` (no process there). */
function envFor(meta: Meta): Record<string, string> {
  const env: Record<string, string> = { [`${meta.envPrefix}_BASE_URL`]: url };
  for (const auth of meta.auth) {
    if (auth.type === "oauth2-client-credentials") env[`${auth.env}_ACCESS_TOKEN`] = "edge-access-token";
    else env[auth.env] = "edge-credential";
  }
  return env;
}

/** A delivery signed as the vendor would, per the meta's scheme. */
function signed(webhooks: NonNullable<Meta["webhooks"]>) {
  const secret = "whsec_edge";
  const body = JSON.stringify({ [webhooks.eventField ?? "event"]: "edge.test", id: "evt_1" });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const payload = webhooks.signedPayload === "timestamp.body" ? `${timestamp}.${body}` : body;
  const digest = createHmac("sha256", secret).update(payload).digest(webhooks.encodings[0] === "base64" ? "base64" : "hex");
  const headers: Record<string, string> = { [webhooks.signatureHeader]: `${webhooks.signaturePrefix ?? ""}${digest}` };
  if (webhooks.timestampHeader) headers[webhooks.timestampHeader] = timestamp;
  return { secret, body, headers };
}

describe.each(apis.map((a) => [a.config.packageName, a] as const))("%s", (packageName, api) => {
  const dist = path.join(api.packageDir, "dist", "index.js");

  it("bundles for the browser with no Node built-in marked external", async () => {
    expect(existsSync(dist), `${dist} is missing: run pnpm build`).toBe(true);
    const out = await browserBundle(packageName, api.packageDir);
    expect(out.errors).toEqual([]);
    expect(out.outputFiles[0]!.text).not.toMatch(/\brequire\(["'](node:)?\w+["']\)|from\s*["']node:/);
  });

  it("its client and verifyWebhook run inside edge-runtime against a local server", async () => {
    const { meta } = (await import(dist)) as { meta: Meta };
    const op = Object.values(meta.operations).find((o) => o.method === "get" && !o.path.includes("{"));
    expect(op, `${packageName} has a GET operation without path parameters`).toBeDefined();
    const code = (await browserBundle(packageName, api.packageDir)).outputFiles[0]!.text;
    const vm = new EdgeVM();
    vm.evaluate(code);
    seen = [];
    const input = { env: envFor(meta), path: op!.path, webhook: meta.webhooks && signed(meta.webhooks) };
    const out = JSON.parse(await vm.evaluate<Promise<string>>(`__sdk.run(${JSON.stringify(input)})`));
    expect(out.process).toBe("undefined");
    expect(out.buffer).toBe("undefined");
    expect(out.baseUrl).toBe(url);
    expect(out.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url.split("?")[0]).toBe(op!.path);
    if (meta.webhooks) {
      expect(out.event).toMatchObject({ [meta.webhooks.eventField ?? "event"]: "edge.test", id: "evt_1" });
      expect(out.tampered).toBe("WebhookSignatureError");
    }
  });
});
