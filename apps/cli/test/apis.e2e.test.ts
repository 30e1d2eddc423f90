// Every API in the repo works through the same commands: a list from Prism on each spec (Parallax is
// covered in export.e2e.test.ts), with each API's own credential env var and pagination style.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_KEY, type PrismHandle, repoRoot, runCli, startPrism } from "./support/cli.js";

const APIS = {
  clientary: { env: "CLIENTARY_API_TOKEN", list: ["list-clients"] },
  strawblond: { env: "STRAWBLOND_API_KEY", list: ["list-companies"] },
  // Sage's query service pages in a POST body: the query is the --data, start/size are the paginator's
  "sage-intacct": { env: "SAGE_INTACCT_ACCESS_TOKEN", list: ["post-services-query", "--data", '{"object":"accounts-payable/vendor","fields":["id","name"]}'] },
} as const;
type Name = keyof typeof APIS;

const prisms = new Map<Name, PrismHandle>();

// three Prisms start at once; on a loaded 2-core machine one can take well over the default 30 s
beforeAll(async () => {
  const started = await Promise.all((Object.keys(APIS) as Name[]).map(async (name) => [name, await startPrism({ spec: path.join(repoRoot, "spec", name, "openapi.yaml") })] as const));
  for (const [name, prism] of started) prisms.set(name, prism);
});

afterAll(async () => {
  await Promise.all([...prisms.values()].map((p) => p.stop()));
});

describe.each(Object.keys(APIS) as Name[])("%s", (name) => {
  it("lists items as ndjson from Prism, with only its env credential, which is never printed", async () => {
    const { env, list } = APIS[name];
    const r = await runCli([name, "list", ...list, "--max-items", "2", "--format", "ndjson", "--rate-limit", "off", "--base-url", prisms.get(name)!.url, "-v"], { [env]: FAKE_KEY });
    expect(r.code, r.stderr).toBe(0);
    const items = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(2);
    expect(r.stderr).toMatch(/→ 200 \(attempt 1\)/);
    expect(r.stdout + r.stderr).not.toContain(FAKE_KEY);
  });
});
