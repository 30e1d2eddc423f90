// The built site in Debian's headless Chromium (playwright-core, no browser download): every
// operation of every API is in its page's navigation, the search finds an operation by its id,
// coverage badges match the spec's labels, nothing is requested from outside 127.0.0.1 and nothing
// is logged as an error. Screenshots land in apps/docs/test-results/ for a human to look at.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApis } from "../../../scripts/lib/apis.ts";
import { type DocsApi, loadDocsApis, repoRoot } from "../src/apis.ts";
import { buildSite, distDir, docsDir, type Manifest } from "../src/build.ts";
import { COVERAGE_LEVELS } from "../src/coverage.ts";
import { inputsHash } from "../src/inputs.ts";
import { type StaticServer, serveStatic } from "../src/serve.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const resultsDir = path.join(docsDir, "test-results");

let browser: Browser;
let server: StaticServer;
let apis: DocsApi[];

/** What the page did that it must not: requests leaving 127.0.0.1, console errors, uncaught exceptions. */
interface PageLog {
  external: string[];
  errors: string[];
}

async function open(url: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log: PageLog = { external: [], errors: [] };
  await page.route("**/*", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === "127.0.0.1") return route.continue();
    log.external.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => log.errors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });
  return { page, log };
}

/** Operation links of the navigation, after opening every group in turn: id (lowercased) → item text. */
async function navOperations(page: Page): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  // read in one go: opening a group closes the others, so the list changes under a slower walk
  const collect = async () => {
    const items = await page.$$eval(".menu-item-type-operation", (els) =>
      els.map((el) => [el.querySelector("a")?.getAttribute("href") ?? "", el.textContent ?? ""] as const),
    );
    for (const [href, text] of items) found.set(href.split("/").at(-1) ?? href, text);
  };
  const groups = page.locator(".menu-item-type-group > a");
  const n = await groups.count();
  for (let i = 0; i < n; i++) {
    const group = groups.nth(i);
    const slug = (await group.getAttribute("href")) ?? "";
    // a DOM click event, without Playwright's actionability waits (scroll, stability): 40% faster here
    await group.dispatchEvent("click");
    // the group's operations render a moment after the click; a group may also hold only sub-groups
    await page
      .locator(`.menu-item-type-operation a[href^="#${slug}/"]`)
      .first()
      .waitFor({ timeout: 5_000 })
      .catch(() => {});
    await collect();
  }
  return found;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: the docs test drives Debian's chromium package. Run \`bash scripts/bootstrap.sh\` (as root or with sudo) to install it, or set CHROMIUM_PATH.`);
  }
  const manifestFile = path.join(distDir, "manifest.json");
  const fresh = existsSync(manifestFile) && (JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest).inputsHash === inputsHash(repoRoot);
  if (!fresh) await buildSite();
  apis = loadDocsApis();
  mkdirSync(resultsDir, { recursive: true });
  server = await serveStatic(distDir);
  browser = await chromium.launch({ executablePath: CHROMIUM });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("apps/docs site in Chromium", () => {
  it("the index lists every API with its version, operation count, spec sha256 and both links; the SDK reference loads", async () => {
    const { page, log } = await open(`${server.url}/`);
    expect(await page.locator("tr[data-api]").count(), "one row per API").toBe(apis.length);
    for (const api of apis) {
      const row = page.locator(`tr[data-api="${api.name}"]`);
      await expect.poll(() => row.count()).toBe(1);
      const text = (await row.textContent()) ?? "";
      expect(text).toContain(api.version);
      expect(text).toContain(String(api.operations.length));
      expect(text).toContain(api.sha256.slice(0, 12));
      expect(await row.locator(`a[href="${api.name}/"]`).count()).toBeGreaterThan(0);
      const sdkHref = await row.getByText("SDK reference").getAttribute("href");
      const sdk = await page.request.get(`${server.url}/${sdkHref}`);
      expect(sdk.status(), `SDK reference page ${sdkHref}`).toBe(200);
      expect(await sdk.text()).toContain(api.packageName);
    }
    await page.screenshot({ path: path.join(resultsDir, "index.png"), fullPage: true });
    expect(log).toEqual({ external: [], errors: [] });
    await page.close();

    // the SDK reference (TypeDoc's theme) renders from local files too
    const sdk = await open(`${server.url}/sdk/`);
    await expect.poll(() => sdk.page.getByText(apis[0]!.packageName).count()).toBeGreaterThan(0);
    await sdk.page.screenshot({ path: path.join(resultsDir, "sdk.png") });
    expect(sdk.log).toEqual({ external: [], errors: [] });
    await sdk.page.close();
  });

  // one test per API (discovered from spec/*/api.json, as the build does), each on its own page; they
  // run side by side because most of their time is the page re-rendering after each navigation click
  for (const name of listApis(repoRoot)) {
    it.concurrent(`${name}: every operation and webhook is in the navigation with its coverage badge; search finds an operation by id`, async ({ expect }) => {
      const api = apis.find((a) => a.name === name)!;
      const { page, log } = await open(`${server.url}/${name}/`);
      await page.locator(".menu-item-type-group").first().waitFor();
      await page.screenshot({ path: path.join(resultsDir, `${name}.png`) });

      const nav = await navOperations(page);
      const expected = [...api.operations, ...api.webhooks];
      const missing = expected.filter((op) => !nav.has(String(op.operationId).toLowerCase())).map((op) => `${op.method.toUpperCase()} ${op.path}`);
      expect(missing, `operations of spec/${name} missing from the page`).toEqual([]);
      expect(nav.size).toBe(expected.length);

      // each labelled operation shows its label's badge next to its title
      for (const op of expected.filter((o) => o.coverage)) {
        const badge = COVERAGE_LEVELS[op.coverage!]?.badge ?? op.coverage!;
        expect(nav.get(String(op.operationId).toLowerCase()), `${op.operationId} (${op.coverage})`).toContain(badge);
      }

      // the last operation of the spec (least likely to be on screen): search its id, pick the hit
      const target = api.operations.at(-1)!;
      await page.locator('[data-testid="search-trigger"]').click();
      await page.locator('[data-testid="search-dialog"] input').fill(target.operationId!);
      const hits = page.locator('[data-testid="search-dialog"] [data-component-name="Search/SearchItem"]');
      const hit = hits.filter({ hasText: `Operation ID: ${target.operationId}` }).first();
      await expect.poll(() => hit.count(), { timeout: 15_000 }).toBe(1);
      expect(await hit.getAttribute("href")).toMatch(new RegExp(`/${escapeRe(target.operationId!.toLowerCase())}$`));
      await page.screenshot({ path: path.join(resultsDir, `${name}-search.png`) });
      await hit.click();
      await expect.poll(() => new URL(page.url()).hash.toLowerCase(), { timeout: 10_000 }).toMatch(new RegExp(`/${escapeRe(target.operationId!.toLowerCase())}$`));

      expect(log).toEqual({ external: [], errors: [] });
      await page.close();
    });
  }
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
