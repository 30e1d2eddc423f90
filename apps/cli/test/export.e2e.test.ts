// End to end: the built `apiforge` against a local Parallax-shaped server (page-number listing) and
// Prism on the Parallax spec. Covers each export format, atomic --output, validation before sending,
// estimate, progress only under a terminal, and the fake key never reaching any output.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { type JsonServer, startJsonServer } from "@apiforge/testkit";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, FAKE_KEY, type PrismHandle, repoRoot, runCli, startPrism } from "./support/cli.js";

const TOTAL = 1234;
let server: JsonServer;
let prism: PrismHandle;
let env: Record<string, string>;
const dir = mkdtempSync(path.join(tmpdir(), "apiforge-cli-"));

function actualTime(id: number) {
  return { id: `at-${id}`, hours: id % 8, billable: id % 2 === 0, person: { id: `p-${id % 7}`, name: `Person ${id % 7}` }, tags: ["a", "b"] };
}

beforeAll(async () => {
  server = await startJsonServer((req) => {
    const page = Number(req.url.searchParams.get("page") ?? 1);
    const size = Number(req.url.searchParams.get("page_size") ?? 500);
    if (req.url.pathname === "/v1/actual-time") {
      const first = (page - 1) * size;
      const results = Array.from({ length: Math.max(0, Math.min(size, TOTAL - first)) }, (_, i) => actualTime(first + i + 1));
      return { body: { results, total: TOTAL, total_pages: Math.ceil(TOTAL / size), page, page_size: size } };
    }
    // a listing that breaks on its second page: the export must fail and leave --output untouched
    if (req.url.pathname === "/v1/people") {
      if (page > 1) return { status: 404, body: { title: "page gone" } };
      return { body: { results: Array.from({ length: size }, (_, i) => ({ id: `p-${i}` })), total: 10 * size, total_pages: 10, page, page_size: size } };
    }
    // an error body that echoes the key, as careless servers do: the CLI must not print it
    if (req.url.pathname.startsWith("/v1/projects/")) {
      return { status: 401, body: { title: `API key ${String(req.headers["x-api-key"])} is not valid` } };
    }
    return { status: 404, body: { title: "no route" } };
  });
  prism = await startPrism({ spec: path.join(repoRoot, "spec/parallax/openapi.yaml") });
  env = { PARALLAX_API_KEY: FAKE_KEY, PARALLAX_BASE_URL: server.url };
});

afterAll(async () => {
  await server?.close();
  await prism?.stop();
});

const requestsTo = (p: string) => server.requests.filter((r) => r.url.pathname === p).length;

describe("list exports", () => {
  it("ndjson: every item, one per line, in ceil(total / 500) requests at the spec's largest page size", async () => {
    const before = requestsTo("/v1/actual-time");
    const r = await runCli(["parallax", "list", "list-actual-time", "--all", "--format", "ndjson"], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(TOTAL);
    expect(lines[0]).toEqual(actualTime(1));
    expect(lines.at(-1)).toEqual(actualTime(TOTAL));
    expect(requestsTo("/v1/actual-time") - before).toBe(Math.ceil(TOTAL / 500));
    expect(server.requests.at(-1)!.url.searchParams.get("page_size")).toBe("500");
  });

  it("json: one array; --fields keeps the nesting of dotted paths", async () => {
    const r = await runCli(["parallax", "list", "ListActualTime", "--max-items", "3", "--format", "json", "--fields", "id,person.name"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([1, 2, 3].map((i) => ({ id: `at-${i}`, person: { name: `Person ${i % 7}` } })));
  });

  it("csv: nested fields flattened into dotted columns, arrays as JSON, written atomically to --output", async () => {
    const out = path.join(dir, "time.csv");
    writeFileSync(out, "old content\n");
    const r = await runCli(["parallax", "list", "list-actual-time", "--all", "--format", "csv", "--output", out], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const rows = parse(readFileSync(out, "utf8"), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(TOTAL);
    expect(Object.keys(rows[0]!)).toEqual(["id", "hours", "billable", "person.id", "person.name", "tags"]);
    expect(rows[1]).toEqual({ id: "at-2", hours: "2", billable: "true", "person.id": "p-2", "person.name": "Person 2", tags: '["a","b"]' });
    expect(r.stderr).toContain(`wrote ${TOTAL} items`);
  });

  it("table: the first page only without --all, with a hint to pass it", async () => {
    const r = await runCli(["parallax", "list", "list-actual-time", "--fields", "id,hours"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/│ id\s+│ hours │/);
    expect(r.stdout).toContain("at-500");
    expect(r.stdout).not.toContain("at-501");
    expect(r.stderr).toContain(`500 of ${TOTAL} items (one page); pass --all`);
  });

  it("a failing export exits 1 and leaves the existing --output file as it was, with no temp file", async () => {
    const out = path.join(dir, "people.json");
    writeFileSync(out, "keep me\n");
    const r = await runCli(["parallax", "list", "list-people", "--all", "--format", "json", "--output", out], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/404/);
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

it("Ctrl-C (SIGINT) stops an export with exit 130 and leaves --output as it was", async () => {
  const out = path.join(dir, "interrupted.ndjson");
  writeFileSync(out, "previous export\n");
  const before = requestsTo("/v1/actual-time");
  const child = spawn(process.execPath, [bin, "parallax", "list", "list-actual-time", "--all", "--format", "ndjson", "--output", out, "--rate-limit", "1/10s"], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: "ignore" });
  // interrupt once the first page has been served: the second waits 10 s for the window
  while (requestsTo("/v1/actual-time") === before) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 300));
  child.kill("SIGINT");
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(code).toBe(130);
  expect(readFileSync(out, "utf8")).toBe("previous export\n");
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
});

describe("calls", () => {
  it("validates before sending: every problem listed at once, exit 2, no request made", async () => {
    const before = server.requests.length;
    const r = await runCli(["parallax", "create-actual-time", "--data", '{"hours":"six","project_id":1}', "--query", "bogus=1"], env);
    expect(r.code).toBe(2);
    expect(server.requests.length).toBe(before);
    expect(r.stderr).toContain("nothing was sent");
    for (const problem of ['query parameter "bogus" is not declared', 'body: missing required field "person_id"', "body.hours: must be number", "body.project_id: must be string"]) {
      expect(r.stderr).toContain(problem);
    }
  });

  it("--json errors are one JSON object with the exit code, the problems and the fix", async () => {
    const r = await runCli(["parallax", "list", "list-actual-time", "--max-items", "0", "--json"], env);
    expect(r.code).toBe(2);
    const { error } = JSON.parse(r.stderr) as { error: { code: string; exitCode: number; message: string } };
    expect(error).toMatchObject({ code: "usage", exitCode: 2 });
    expect(error.message).toContain("--max-items");
  });

  it("calls an operation on Prism by its operationId and prints the response", async () => {
    const r = await runCli(["parallax", "CreateActualTime", "--data", "-", "--base-url", prism.url], { PARALLAX_API_KEY: FAKE_KEY }, JSON.stringify({ project_id: "p", project_offering_id: "o", person_id: "x", recorded_date: "2025-03-03", hours: 6.5, billable: true }));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty("id");
  });

  it("lists through Prism's example page", async () => {
    const r = await runCli(["parallax", "list", "list-projects", "--format", "ndjson", "--base-url", prism.url, "--rate-limit", "off"], { PARALLAX_API_KEY: FAKE_KEY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").length).toBeGreaterThan(0);
    expect(JSON.parse(r.stdout.trim().split("\n")[0]!)).toHaveProperty("id");
  });

  it("an unknown operation names close ones; a typo of a command suggests the right one", async () => {
    const r = await runCli(["parallax", "list", "actual"], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("list-actual-time");
    const typo = await runCli(["parallax", "lst"], env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Did you mean list?");
  });
});

describe("estimate", () => {
  it("requests and rate-limit windows for a full export, from the server's total", async () => {
    const r = await runCli(["parallax", "estimate", "list", "list-actual-time", "--format", "json"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ total: TOTAL, pageSize: 500, requests: 3, probeRequests: 1, rateLimit: { limit: 100, windowMs: 60_000 }, windows: 1, minDurationMs: 0 });
  });
});

describe("credentials never printed", () => {
  it("not in --verbose lines, nor an error body that echoes the key (text and --json), nor a --api-key-file run", async () => {
    const keyFile = path.join(dir, "key");
    writeFileSync(keyFile, `${FAKE_KEY}\n`);
    const runs = await Promise.all([
      runCli(["parallax", "list", "list-actual-time", "--max-items", "2", "--format", "json", "-v"], env),
      runCli(["parallax", "get-project", "--param", "id=1", "-v"], env),
      runCli(["parallax", "get-project", "--param", "id=1", "--json"], env),
      runCli(["parallax", "get-project", "--param", "id=1", "--api-key-file", keyFile], { PARALLAX_BASE_URL: server.url }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 1, 1, 1]);
    expect(runs[0]!.stderr).toMatch(/GET \/v1\/actual-time → 200/);
    // the server did get the key, and said it back
    expect(server.requests.some((r) => r.headers["x-api-key"] === FAKE_KEY)).toBe(true);
    for (const r of runs) {
      expect(r.stdout + r.stderr).not.toContain(FAKE_KEY);
      expect(r.stdout + r.stderr).not.toContain(FAKE_KEY.slice(0, 12));
    }
    expect(runs[1]!.stderr).toMatch(/API key \[redacted\] is not valid/i);
  });

  it("a missing credential names the env var and the file flag, exit 2", async () => {
    const r = await runCli(["parallax", "list", "list-actual-time"], { PARALLAX_BASE_URL: server.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("PARALLAX_API_KEY");
    expect(r.stderr).toContain("--*-file");
  });
});

describe("progress", () => {
  const exec = promisify(execFile);
  const listArgs = ["parallax", "list", "list-actual-time", "--all", "--format", "ndjson", "--rate-limit", "1/250ms"];

  it("is drawn on stderr under a real pseudo-terminal (script), with items, rate, ETA and budget", async () => {
    const out = path.join(dir, "pty.ndjson");
    const command = [process.execPath, bin, ...listArgs, "--output", out].map((a) => `'${a}'`).join(" ");
    const { stdout } = await exec("script", ["-qfec", command, "/dev/null"], { env: { ...process.env, ...env } });
    expect(stdout).toMatch(/list-actual-time \[[=-]+\] \d+\/1234 items \| [\d.]+ items\/s \| ETA \d+\w? \| budget \d+\/1 left \| retries 0/);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(TOTAL);
    expect(stdout).not.toContain(FAKE_KEY);
  });

  it("is absent when stderr is piped", async () => {
    const r = await runCli(listArgs, env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
});

it("apis lists each API with its version, operation count and credential env vars", async () => {
  const r = await runCli(["apis", "--format", "json"]);
  expect(r.code).toBe(0);
  const rows = JSON.parse(r.stdout) as { name: string; operations: number; credentials: { env: string[] }[] }[];
  expect(rows.map((x) => x.name)).toEqual(["clientary", "parallax", "sage-intacct", "strawblond"]);
  expect(rows.find((x) => x.name === "parallax")).toMatchObject({ operations: 49, credentials: [{ env: ["PARALLAX_API_KEY"] }] });
  expect(existsSync(bin)).toBe(true);
});
