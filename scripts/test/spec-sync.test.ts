// spec:sync end to end in a scratch copy of the workspace: a breaking change, an additive change,
// no change, a spec that fails lint and a test failure. Success leaves a changeset with the derived
// bump; every failure leaves the git tree exactly as it was.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse, stringify } from "yaml";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exec } from "../lib/exec.ts";
import { copyWorkspace } from "./scratch.ts";

let ws: ReturnType<typeof copyWorkspace>;
const specPath = () => path.join(ws.root, "spec/parallax/openapi.yaml");
const git = (...args: string[]) => execFileSync("git", args, { cwd: ws.root, encoding: "utf8" });
const changesets = () => readdirSync(path.join(ws.root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");

/** Writes a mutated copy of the committed spec outside the tree and returns its file:// URL. */
function mutated(name: string, mutate: (doc: any) => void): string {
  const doc = parse(readFileSync(specPath(), "utf8"));
  mutate(doc);
  const file = path.join(ws.root, "..", `${path.basename(ws.root)}-${name}.yaml`);
  writeFileSync(file, stringify(doc, { lineWidth: 0 }));
  return pathToFileURL(file).href;
}

async function sync(from: string, ...extra: string[]) {
  const r = await exec(path.join(ws.root, "node_modules/.bin/tsx"), [path.join(ws.root, "scripts/spec-sync.ts"), "--api", "parallax", "--from", from, ...extra], {
    cwd: ws.root,
    env: { TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", APIFORGE_ROOT: "" },
  });
  return { code: r.code, output: r.stdout + r.stderr };
}

const removeOperation = (doc: any) => {
  delete doc.paths["/v1/actual-time/{id}"].delete;
};
const addOptionalParam = (doc: any) => {
  doc.paths["/v1/people"].get.parameters.push({ name: "search", in: "query", required: false, description: "Free-text filter.", schema: { type: "string" } });
};

beforeAll(() => {
  ws = copyWorkspace();
}, 120_000);
afterAll(() => ws.dispose());
beforeEach(() => {
  git("reset", "-q", "--hard");
  git("clean", "-qfd");
});

// each case runs the real pipeline (generate, build, a test command) in child processes: minutes on a loaded 2-core machine
describe("spec:sync", { timeout: 300_000 }, () => {
  it("does nothing, and says so, when the spec is unchanged", async () => {
    const r = await sync(pathToFileURL(specPath()).href, "--skip-tests");
    expect(r.output).toMatch(/same content as the snapshot.*nothing changed/);
    expect(r.code).toBe(0);
    expect(git("status", "--porcelain")).toBe("");
  });

  it("leaves the tree untouched when the new spec fails lint", async () => {
    const from = mutated("lint", (doc) => {
      doc.paths["/v1/people"].get.responses["200"] = { $ref: "#/components/responses/DoesNotExist" };
    });
    const r = await sync(from, "--skip-tests");
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Redocly lint found/);
    expect(git("status", "--porcelain")).toBe("");
  });

  it("restores everything when the tests fail on the regenerated code", async () => {
    const r = await sync(mutated("tests", addOptionalParam), "--skip-build", "--test-command", "node -e process.exit(3)");
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Tests failed on the regenerated code[\s\S]*the tree was restored/);
    expect(git("status", "--porcelain")).toBe("");
  });

  it("an additive change regenerates, builds and writes a minor changeset", async () => {
    const r = await sync(mutated("additive", addOptionalParam), "--test-command", "pnpm generate:check");
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/bump minor/);
    const [cs] = changesets();
    const text = readFileSync(path.join(ws.root, ".changeset", cs!), "utf8");
    expect(text).toMatch(/^---\n"@apiforge\/parallax": minor\n---/);
    expect(text).toMatch(/new-optional-request-parameter.*GET \/v1\/people/);
    expect(readFileSync(path.join(ws.root, "packages/parallax/src/generated/schema.ts"), "utf8")).toMatch(/search\?: string/);
    const status = await exec(path.join(ws.root, "node_modules/.bin/changeset"), ["status"], { cwd: ws.root });
    expect(status.code, status.stdout + status.stderr).toBe(0);
    expect(status.stdout + status.stderr).toMatch(/@apiforge\/parallax/);
  });

  it("a breaking change writes a major changeset naming the break, and --fail-on ERR exits 1", async () => {
    const r = await sync(mutated("breaking", removeOperation), "--skip-build", "--test-command", "pnpm generate:check", "--fail-on", "ERR");
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/bump major/);
    const [cs] = changesets();
    expect(readFileSync(path.join(ws.root, ".changeset", cs!), "utf8")).toMatch(/"@apiforge\/parallax": major[\s\S]*\*\*ERR\*\* `api-removed-without-deprecation` DELETE \/v1\/actual-time\/\{id\}/);
    // the snapshot, lock and generated code moved together
    const check = await exec(path.join(ws.root, "node_modules/.bin/tsx"), [path.join(ws.root, "scripts/generate-check.ts")], { cwd: ws.root, env: { APIFORGE_ROOT: "" } });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
  it("fails and leaves the tree untouched when the new spec makes one of our overlay actions match nothing", async () => {
    const dir = path.join(ws.root, "spec/parallax/overlays");
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, "10-notes.yaml"),
      'overlay: 1.0.0\ninfo: {title: notes, version: "1"}\nactions:\n  - target: "$.paths[\'/v1/actual-time/{id}\'].delete"\n    update: {x-note: kept}\n',
    );
    const lock = await exec(path.join(ws.root, "node_modules/.bin/tsx"), [path.join(ws.root, "scripts/spec-lock.ts"), "--api", "parallax"], { cwd: ws.root, env: { APIFORGE_ROOT: "" } });
    expect(lock.code, lock.stdout + lock.stderr).toBe(0);
    git("add", "-A");
    git("-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qm", "overlay", "--no-verify");
    try {
      const r = await sync(mutated("overlay", removeOperation), "--skip-build", "--skip-tests");
      expect(r.code).toBe(1);
      expect(r.output).toMatch(/spec\/parallax\/overlays\/10-notes\.yaml: action 0 \(target \$\.paths\['\/v1\/actual-time\/\{id\}'\]\.delete\) matches nothing/);
      expect(git("status", "--porcelain")).toBe("");
    } finally {
      git("reset", "-q", "--hard", "HEAD~1");
    }
  });
});
