// The release flow end to end in a scratch git copy of the workspace, as the release workflow runs
// it: a spec change through spec:sync leaves a changeset with the derived bump; `pnpm run version`
// (changeset version + pnpm install --lockfile-only) bumps exactly that package, patches its
// dependants and writes their CHANGELOGs; `pnpm publish -r --dry-run` packs every public package
// and no private one. The registry is a local stub answering 404 ("never published"), so nothing
// here needs the network and nothing can be published for real.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { startJsonServer, type JsonServer } from "../../packages/testkit/src/json-server.ts";
import { exec, toolRoot } from "../lib/exec.ts";
import { copyWorkspace } from "./scratch.ts";

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  files?: string[];
  bin?: string | Record<string, string>;
  publishConfig?: { access?: string; provenance?: boolean };
}

let ws: ReturnType<typeof copyWorkspace>;
let registry: JsonServer;
/** The changed spec spec:sync pulls, written beside the scratch copy. */
let source = "";
const git = (...args: string[]) => execFileSync("git", args, { cwd: ws.root, encoding: "utf8" });
const commit = (message: string) => git("-c", "user.name=test", "-c", "user.email=test@example.test", "commit", "-qm", message, "--no-verify");

/** Every workspace package: folder (relative to the root) → package.json, read from `root`. */
function workspace(root: string): Map<string, Manifest> {
  const out = new Map<string, Manifest>();
  for (const group of ["packages", "apps"]) {
    if (!existsSync(path.join(root, group))) continue;
    for (const dir of readdirSync(path.join(root, group))) {
      const file = path.join(root, group, dir, "package.json");
      if (existsSync(file)) out.set(`${group}/${dir}`, JSON.parse(readFileSync(file, "utf8")));
    }
  }
  return out;
}
const before = workspace(toolRoot);
const publicDirs = [...before].filter(([, m]) => !m.private).map(([dir]) => dir);
const privateNames = [...before.values()].filter((m) => m.private).map((m) => m.name);

const env = () => ({ NO_COLOR: "1", TURBO_TELEMETRY_DISABLED: "1", APIFORGE_ROOT: "", npm_config_registry: `${registry.url}/` });
async function run(cmd: string, args: string[]) {
  const r = await exec(cmd, args, { cwd: ws.root, env: env() });
  return { code: r.code, output: r.stdout + r.stderr };
}

beforeAll(async () => {
  // the tarballs list what `files` ships: the built dist/ folders (pnpm test builds before it runs the tests)
  const unbuilt = publicDirs.filter((dir) => before.get(dir)!.files?.includes("dist") && !existsSync(path.join(toolRoot, dir, "dist")));
  if (unbuilt.length) throw new Error(`${unbuilt.join(", ")} not built: run \`pnpm build\` first (\`pnpm test\` does)`);
  registry = await startJsonServer(() => ({ status: 404, body: { error: "Not found" } }));
  ws = copyWorkspace();
  for (const dir of publicDirs) if (existsSync(path.join(toolRoot, dir, "dist"))) cpSync(path.join(toolRoot, dir, "dist"), path.join(ws.root, dir, "dist"), { recursive: true });
  // start from no pending changeset, so the version step shows only what this test's sync asked for
  const pending = readdirSync(path.join(ws.root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
  if (pending.length) {
    git("rm", "-q", ...pending.map((f) => `.changeset/${f}`));
    commit("drop pending changesets");
  }
}, 120_000);
afterAll(async () => {
  ws?.dispose();
  if (source) rmSync(source, { force: true });
  await registry?.close();
});

// one flow, step by step: each test starts from the state the previous one left
describe("release flow", { timeout: 180_000 }, () => {
  it("spec:sync turns an additive Parallax change into a minor changeset", async () => {
    const spec = path.join(ws.root, "spec/parallax/openapi.yaml");
    const doc = parse(readFileSync(spec, "utf8"));
    doc.paths["/v1/people"].get.parameters.push({ name: "search", in: "query", required: false, description: "Free-text filter.", schema: { type: "string" } });
    source = path.join(ws.root, "..", `${path.basename(ws.root)}-release.yaml`);
    writeFileSync(source, stringify(doc, { lineWidth: 0 }));
    const r = await run(path.join(ws.root, "node_modules/.bin/tsx"), [path.join(ws.root, "scripts/spec-sync.ts"), "--api", "parallax", "--from", pathToFileURL(source).href, "--skip-build", "--skip-tests"]);
    expect(r.code, r.output).toBe(0);
    const changesets = readdirSync(path.join(ws.root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
    expect(changesets).toHaveLength(1);
    expect(readFileSync(path.join(ws.root, ".changeset", changesets[0]!), "utf8")).toMatch(/^---\n"@apiforge\/parallax": minor\n---\n\nRegenerated from the parallax spec/);
    git("add", "-A");
    commit("sync parallax");
  });

  it("pnpm run version bumps Parallax (minor), patches its dependants, writes their CHANGELOGs, offline", async () => {
    const r = await run("pnpm", ["run", "version"]);
    expect(r.code, r.output).toBe(0);
    const after = workspace(ws.root);
    const bumped = Object.fromEntries([...after].filter(([dir, m]) => m.version !== before.get(dir)!.version).map(([, m]) => [m.name, m.version]));
    // x.y.z → x.(y+1).0 (minor) or x.y.(z+1) (patch)
    const bump = (v: string, i: 1 | 2) => v.split(".").map((n, j) => (j === i ? Number(n) + 1 : j > i ? 0 : Number(n))).join(".");
    // dependants (a workspace:* dependency on parallax, e.g. @apiforge/cli) get a patch: updateInternalDependencies "patch"
    const want: Record<string, string> = {};
    for (const [dir, m] of before) {
      if (m.name === "@apiforge/parallax") want[m.name] = bump(m.version, 1);
      else if (!m.private && JSON.stringify(m).includes('"@apiforge/parallax":')) want[m.name] = bump(m.version, 2);
      else expect(after.get(dir)!.version, `${m.name} must not move`).toBe(m.version);
    }
    expect(want).toHaveProperty("@apiforge/cli");
    expect(bumped).toEqual(want);

    const changed = git("status", "--porcelain").split("\n").filter(Boolean).map((l) => l.slice(3)).sort();
    const dirs = [...after].filter(([, m]) => m.name in bumped).map(([dir]) => dir);
    // the changeset is consumed; only the bumped packages' manifests and CHANGELOGs change; the lockfile stays valid
    expect(changed.filter((f) => !f.startsWith(".changeset/"))).toEqual(dirs.flatMap((d) => [`${d}/CHANGELOG.md`, `${d}/package.json`]).sort());
    expect(readdirSync(path.join(ws.root, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md")).toEqual([]);
    const parallaxLog = readFileSync(path.join(ws.root, "packages/parallax/CHANGELOG.md"), "utf8");
    expect(parallaxLog).toMatch(new RegExp(`^# @apiforge/parallax\\n\\n## ${bumped["@apiforge/parallax"]!.replace(/\./g, "\\.")}\\n\\n### Minor Changes\\n\\n- (?:[0-9a-f]{7}: )?Regenerated from the parallax spec`));
    expect(parallaxLog).toMatch(/new-optional-request-parameter.*GET \/v1\/people/);
    expect(readFileSync(path.join(ws.root, "apps/cli/CHANGELOG.md"), "utf8")).toMatch(/### Patch Changes\n\n- Updated dependencies[\s\S]*@apiforge\/parallax@/);
    // the lockfile step needed no registry (it points at the 404 stub) and changed nothing: workspace links carry no versions
    expect(registry.requests.filter((q) => q.method !== "GET")).toEqual([]);
    git("add", "-A");
    commit("version packages");
  });

  it("pnpm publish -r --dry-run packs every public package at its new version, never a private one, with provenance on", async () => {
    const r = await run("pnpm", ["publish", "-r", "--dry-run", "--no-git-checks"]);
    expect(r.code, r.output).toBe(0);
    const after = workspace(ws.root);
    const published = [...r.output.matchAll(/^\+ (@apiforge\/[\w-]+)@(\S+)$/gm)].map((m) => `${m[1]}@${m[2]}`).sort();
    expect(published).toEqual(publicDirs.map((d) => `${after.get(d)!.name}@${after.get(d)!.version}`).sort());
    expect(published).toContain(`@apiforge/cli@${after.get("apps/cli")!.version}`);
    expect(privateNames).toContain("@apiforge/testkit");
    for (const name of privateNames) expect(r.output).not.toContain(`📦  ${name}@`);

    // npm's notice lists each tarball's files: the built code and the manifest, no sources or tests
    for (const dir of publicDirs) {
      const m = after.get(dir)!;
      const block = r.output.split(`📦  ${m.name}@${m.version}`)[1]!.split("Tarball Details")[0]!;
      const files = [...block.matchAll(/^npm notice [\d.]+[kMG]?B (\S+)$/gm)].map((x) => x[1]!);
      expect(files, m.name).toContain("package.json");
      expect(files.some((f) => f.startsWith("dist/")), `${m.name} ships dist/: ${files.join(", ")}`).toBe(true);
      expect(files.filter((f) => /^(src|test)\//.test(f) || f.endsWith(".test.ts")), m.name).toEqual([]);
      const bin = typeof m.bin === "string" ? [m.bin] : Object.values(m.bin ?? {});
      for (const b of bin) expect(files, `${m.name} bin`).toContain(b.replace(/^\.\//, ""));
      // provenance: the workflow grants id-token: write (workflows.test.ts) and each package asks for it
      expect(m.publishConfig, m.name).toMatchObject({ access: "public", provenance: true });
    }
    expect(r.output).toMatch(/Publishing to http:\/\/127\.0\.0\.1:\d+\/ with tag latest and public access \(dry-run\)/);
    expect(registry.requests.some((q) => q.method === "PUT")).toBe(false);
  });

  it("the release workflow publishes with the root release script, provenance and id-token: write", () => {
    const wf = parse(readFileSync(path.join(toolRoot, ".github/workflows/release.yml"), "utf8"));
    expect(wf.permissions["id-token"]).toBe("write");
    const step = wf.jobs.release.steps.find((s: { uses?: string }) => s.uses?.startsWith("changesets/action@"));
    expect(step.with["publish-script"]).toBe("pnpm release");
    expect(step.with["version-script"]).toBe("pnpm run version");
    expect(step.env.NPM_CONFIG_PROVENANCE).toBe("true");
    const scripts = JSON.parse(readFileSync(path.join(toolRoot, "package.json"), "utf8")).scripts;
    expect(scripts.release).toMatch(/changeset publish/);
    expect(scripts.version).toMatch(/^changeset version && pnpm install --lockfile-only/);
  });
});
