// `apiforge parallax import …` end to end: the CLI runs as a child process against a local stateful
// server that records every request body and Idempotency-Key and, like a real API honouring the
// key, answers a repeated key with the stored result instead of writing again.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type JsonReply, type JsonServer, type RecordedRequest, startJsonServer } from "@apiforge/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CliRun, runCli, startCli } from "./support/spawn-cli.js";

const API_KEY = "pk_live_import_SECRET_0123456789";
const HEADER = ["project_id", "project_offering_id", "person_id", "description", "recorded_date", "hours", "billable"].join(",");
const csvRow = (i: number, person = `person-${i}`) => `p1,o1,${person},row-${i},2025-03-${String((i % 28) + 1).padStart(2, "0")},${(i % 8) + 0.5},${i % 2 === 0}`;

interface Scenario {
  /** Called with the 1-based number of each create request, after the server stored it and before it answers. */
  beforeReply?: (n: number) => Promise<void> | void;
}

let server: JsonServer;
let dir: string;
let scenario: Scenario = {};
const created = new Map<string, { id: number; body: Record<string, unknown> }>();
const outputs: string[] = [];

function handle(request: RecordedRequest): JsonReply | Promise<JsonReply> {
  if (request.method !== "POST") return { status: 404, body: { title: "not found" } };
  const key = String(request.headers["idempotency-key"] ?? "");
  const body = JSON.parse(request.body) as Record<string, unknown> | Record<string, unknown>[];
  // a repeated key gets the first answer and writes nothing
  const earlier = key && created.get(key);
  if (earlier) return { status: 201, body: { id: earlier.id } };
  if (!Array.isArray(body) && body.person_id === "reject-me") {
    // the server echoes the API key in its error: the CLI must not print or store it
    return { status: 422, body: { title: `person reject-me is not staffed on o1 (key ${request.headers["x-api-key"]})`, errors: { person_id: ["not staffed"] } } };
  }
  const entry = { id: created.size + 1, body: body as Record<string, unknown> };
  created.set(key || `no-key-${created.size}`, entry);
  const n = [...created.keys()].length;
  return (async () => {
    await scenario.beforeReply?.(n);
    return { status: 201, body: { id: entry.id } };
  })();
}

const env = () => ({ PARALLAX_API_KEY: API_KEY, PARALLAX_BASE_URL: server.url });
const cli = async (args: string[]) => {
  const result = await runCli(["parallax", "import", ...args], { env: env() });
  outputs.push(result.stdout, result.stderr);
  return result;
};
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const posts = () => server.requests.filter((r) => r.method === "POST");

beforeAll(async () => {
  server = await startJsonServer(handle);
  dir = mkdtempSync(path.join(tmpdir(), "apiforge-import-"));
});
afterAll(async () => {
  await server.close();
  // credentials never appear in anything the CLI printed
  for (const text of outputs) expect(text).not.toContain(API_KEY);
});
beforeEach(() => {
  server.requests.length = 0;
  created.clear();
  scenario = {};
});

describe("validation before sending", () => {
  it("lists every bad row with its line number and sends nothing (exit 2)", async () => {
    const input = file(
      "bad.csv",
      [
        HEADER,
        csvRow(1),
        'p1,o1,person-2,"two\nlines",2025-03-02,1,true', // lines 3-4: a quoted newline
        "p1,o1,person-3,row-3,2025-03-03,lots,true", // line 5
        csvRow(4),
        "p1,o1,person-5,row-5,2025-02-31x,2,maybe", // line 7: two problems
        "p1,,person-6,row-6,2025-03-06,2,true", // line 8: required field empty
        "p1,o1,person-7,row-7,2025-03-07,2,true,extra", // line 9
      ].join("\n"),
    );
    const { code, stderr } = await cli(["CreateActualTime", input]);
    expect(code).toBe(2);
    expect(stderr).toContain("4 of 7 rows");
    expect(stderr).toMatch(/line 5: hours: must be number \(got "lots"\)/);
    expect(stderr).toMatch(/line 7: recorded_date: must match format "date"/);
    expect(stderr).toMatch(/line 7: billable: must be boolean \(got "maybe"\)/);
    expect(stderr).toMatch(/line 8: missing required field "project_offering_id"/);
    expect(stderr).toMatch(/line 9: has 8 fields, the header has 7/);
    expect(stderr).not.toMatch(/line [2-4]:|line 6:/);
    expect(stderr).toContain("--skip-invalid");
    expect(posts()).toHaveLength(0);
    expect(existsSync(`${input}.import-state`)).toBe(false);
  });

  it("--skip-invalid sends the valid rows and names the skipped ones", async () => {
    const input = file("skip.ndjson", ['{"project_id":"p1","project_offering_id":"o1","person_id":"a","recorded_date":"2025-03-01","hours":1,"billable":true}', "{not json", '{"project_id":"p1"}'].join("\n"));
    const { code, stderr } = await cli(["CreateActualTime", input, "--skip-invalid"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/skipped: line 2: not JSON/);
    expect(stderr).toMatch(/skipped: line 3: missing required field "person_id"/);
    expect(posts().map((r) => JSON.parse(r.body).person_id)).toEqual(["a"]);
  });
});

describe("a row the server refuses", () => {
  it("goes to the rejects file with the server's error, the others are written, exit 3 with the resume hint", async () => {
    const input = file("rejects.csv", [HEADER, csvRow(1), csvRow(2, "reject-me"), csvRow(3)].join("\n"));
    const rejects = path.join(dir, "refused.ndjson");
    // --verbose: one line per request, and still no credential in it
    const { code, stderr } = await cli(["CreateActualTime", input, "--rejects", rejects, "--verbose"]);
    expect(code).toBe(3);
    expect(created.size).toBe(2);
    const lines = readFileSync(rejects, "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ line: 3, status: 422, body: { person_id: "reject-me", description: "row-2", hours: 2.5 } });
    expect(lines[0].error).toContain("person reject-me is not staffed");
    expect(readFileSync(rejects, "utf8")).not.toContain(API_KEY);
    expect(stderr).toContain(`--resume ${input}.import-state`);
    expect(stderr).toMatch(/POST \/v1\/actual-time → 422/);
  });
});

/** Imports `input` and SIGKILLs the CLI once the server has written create #`killAt`, before the CLI hears so. */
async function importKilledAt(input: string, killAt: number, extra: string[] = []) {
  let run: CliRun | undefined;
  scenario.beforeReply = async (n) => {
    if (n === killAt) {
      run!.child.kill("SIGKILL");
      await run!.done;
    }
  };
  run = startCli(["parallax", "import", "CreateActualTime", input, "--concurrency", "2", ...extra], { env: env() });
  const first = await run.done;
  outputs.push(first.stdout, first.stderr);
  return first;
}

describe("resuming", () => {
  it("after kill -9 at a random row: every row written exactly once, the row in flight re-sent with its key", async () => {
    const rows = 40;
    const killAt = 5 + Math.floor(Math.random() * 30);
    const input = file("kill.csv", [HEADER, ...Array.from({ length: rows }, (_, i) => csvRow(i))].join("\n"));
    const first = await importKilledAt(input, killAt, ["--idempotency-header", "Idempotency-Key"]);
    expect(first.signal, `killed at create #${killAt}`).toBe("SIGKILL");
    const sentBefore = posts().length;
    expect(created.size).toBeLessThan(rows);

    scenario = {};
    // no --idempotency-header this time: the journal remembers the header the keys went in
    const second = await cli(["CreateActualTime", input, "--concurrency", "2", "--resume", `${input}.import-state`]);
    expect(second.code, second.stderr).toBe(0);
    // server side: each row written once
    const descriptions = [...created.values()].map((e) => e.body.description).sort();
    expect(descriptions).toEqual(Array.from({ length: rows }, (_, i) => `row-${i}`).sort());
    // a key sent twice carried the same row both times, and only rows in flight at the kill were re-sent
    const byKey = new Map<string, string[]>();
    for (const r of posts()) byKey.set(String(r.headers["idempotency-key"]), [...(byKey.get(String(r.headers["idempotency-key"])) ?? []), r.body]);
    const repeated = [...byKey.values()].filter((bodies) => bodies.length > 1);
    expect(repeated.length, `kill at #${killAt}`).toBeGreaterThanOrEqual(1);
    expect(repeated.length).toBeLessThanOrEqual(2);
    for (const bodies of repeated) expect(new Set(bodies).size).toBe(1);
    expect(posts().length).toBe(rows + repeated.length);
    expect(sentBefore).toBeGreaterThanOrEqual(killAt);
    expect(readFileSync(`${input}.import-state`, "utf8").trim().split("\n").at(-1)).toBe('{"t":"done"}');
  });

  it("without an idempotency key, kill -9 costs at most the rows in flight (at-least-once), and the resume names them", async () => {
    const rows = 30;
    const killAt = 5 + Math.floor(Math.random() * 20);
    const input = file("kill-nokey.csv", [HEADER, ...Array.from({ length: rows }, (_, i) => csvRow(i))].join("\n"));
    const first = await importKilledAt(input, killAt);
    expect(first.signal).toBe("SIGKILL");

    scenario = {};
    const second = await cli(["CreateActualTime", input, "--resume", `${input}.import-state`]);
    expect(second.code, second.stderr).toBe(0);
    const counts = new Map<string, number>();
    for (const e of created.values()) counts.set(String(e.body.description), (counts.get(String(e.body.description)) ?? 0) + 1);
    expect(counts.size).toBe(rows);
    const twice = [...counts].filter(([, n]) => n > 1).map(([d]) => Number(d.slice(4)));
    // the row the server wrote while the CLI died is written again; nothing outside the rows in flight
    expect(twice.length, `kill at #${killAt}`).toBeGreaterThanOrEqual(1);
    expect(twice.length).toBeLessThanOrEqual(2);
    for (const i of twice) expect(second.stderr).toMatch(new RegExp(`line ${i + 2}(, \\d+)?: sent again .*no idempotency key`));
  });

  it("after Ctrl-C: the writes in flight settle, exit 130 with the hint, and the resume sends each remaining row once", async () => {
    const rows = 30;
    const input = file("sigint.csv", [HEADER, ...Array.from({ length: rows }, (_, i) => csvRow(i))].join("\n"));
    let run: CliRun | undefined;
    scenario.beforeReply = async (n) => {
      if (n === 8) {
        run!.child.kill("SIGINT");
        // the answer comes after the signal: the CLI must wait for it
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    run = startCli(["parallax", "import", "CreateActualTime", input, "--concurrency", "3"], { env: env() });
    const first = await run.done;
    outputs.push(first.stdout, first.stderr);
    expect(first.code).toBe(130);
    expect(first.stderr).toContain(`--resume ${input}.import-state`);
    const writtenBefore = created.size;
    expect(writtenBefore).toBeGreaterThanOrEqual(8);
    expect(writtenBefore).toBeLessThan(rows);

    scenario = {};
    const second = await cli(["CreateActualTime", input, "--resume", `${input}.import-state`]);
    expect(second.code, second.stderr).toBe(0);
    // without an idempotency key nothing may be sent twice here: every request sent before Ctrl-C was answered
    expect(posts()).toHaveLength(rows);
    expect([...created.values()].map((e) => e.body.description).sort()).toEqual(Array.from({ length: rows }, (_, i) => `row-${i}`).sort());
  });

  it("refuses to start over a journal, and a changed input on resume", async () => {
    const input = file("twice.csv", [HEADER, csvRow(1)].join("\n"));
    expect((await cli(["CreateActualTime", input])).code).toBe(0);
    const again = await cli(["CreateActualTime", input]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`--resume ${input}.import-state`);
    writeFileSync(input, [HEADER, csvRow(1), csvRow(2)].join("\n"));
    const changed = await cli(["CreateActualTime", input, "--resume", `${input}.import-state`]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain("changed since the import started");
    expect(posts()).toHaveLength(1);
  });
});

describe("bulk operations", () => {
  const plans = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ plan_date: `2025-04-${String((i % 28) + 1).padStart(2, "0")}`, hours: i % 9 })).join("\n");
  const args = (input: string) => ["CreateProjectOfferingRolePlans", input, "--param", "project_id=p1", "--param", "project_offering_id=o1", "--param", "id=r1"];

  it("--dry-run prints the requests, chunked by the spec's maxItems, and sends nothing", async () => {
    const input = file("plans-dry.ndjson", plans(250));
    const { code, stdout } = await cli([...args(input), "--dry-run"]);
    expect(code).toBe(0);
    const requests = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(requests.map((r) => r.body.length)).toEqual([100, 100, 50]);
    expect(requests[0]).toMatchObject({ method: "POST", path: "/v1/projects/p1/offerings/o1/roles/r1/planned-time" });
    expect(posts()).toHaveLength(0);
  });

  it("sends chunks of at most maxItems (100) to the operation's path", async () => {
    const input = file("plans.ndjson", plans(250));
    const { code, stderr } = await cli(args(input));
    expect(code, stderr).toBe(0);
    expect(posts().map((r) => [r.url.pathname, JSON.parse(r.body).length])).toEqual([
      ["/v1/projects/p1/offerings/o1/roles/r1/planned-time", 100],
      ["/v1/projects/p1/offerings/o1/roles/r1/planned-time", 100],
      ["/v1/projects/p1/offerings/o1/roles/r1/planned-time", 50],
    ]);
  });
});
