// The README's quick start is examples/quick-start.ts verbatim, and it runs: against the Prism mock
// of the spec (started by the testkit's global setup) with only SAGE_INTACCT_BASE_URL and
// SAGE_INTACCT_ACCESS_TOKEN set, as a user would try it. It imports the built package (dist), so
// the package must be built first (turbo's test pipeline builds it).
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const quickStart = path.join(root, "examples", "quick-start.ts");
const tsx = path.join(root, "..", "..", "node_modules", ".bin", "tsx");

describe("examples/quick-start.ts", () => {
  it("is the README's first example, verbatim", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const first = readme.match(/```ts\n([\s\S]*?)\n```/)?.[1];
    expect(first).toBe(readFileSync(quickStart, "utf8").trimEnd());
  });

  it("runs against the Prism mock with only the base URL and an access token", async () => {
    const env = { PATH: process.env.PATH, SAGE_INTACCT_BASE_URL: inject("prismUrl"), SAGE_INTACCT_ACCESS_TOKEN: "mock-token" };
    const { stdout } = await promisify(execFile)(tsx, [quickStart], { cwd: root, env, timeout: 30_000 });
    const lines = stdout.trim().split("\n");
    // Prism answers with the spec's own examples: the project resource, then the query's records
    const spec = JSON.parse(readFileSync(path.join(root, "..", "..", "spec", "sage-intacct", "openapi.yaml"), "utf8"));
    const ok = (p: string, m: string) => Object.values(spec.paths[p][m].responses["200"].content["application/json"].examples as Record<string, { value: any }>)[0]!.value;
    const one = ok("/objects/projects/project-resource/{key}", "get")["ia::result"];
    const records = ok("/services/core/query", "post")["ia::result"] as { id: string }[];
    expect(lines[0]).toBe(`${one.project.id} ${one.employee.id} ${one.pricing.laborRate}`);
    expect(lines.slice(1).map((l) => l.split(" ")[0])).toEqual(records.map((r) => r.id));
  });
});
