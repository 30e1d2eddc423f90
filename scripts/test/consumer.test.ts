// What a new user gets from npm: every publishable package is packed (as `pnpm publish` would),
// installed with npm into fresh projects OUTSIDE the workspace, type-checked as ESM (node16),
// bundler and CommonJS TypeScript projects, and each SDK's README quick start
// (examples/quick-start.ts, the file the README embeds verbatim) is compiled and run against a
// Prism mock of its spec, configured only through the documented environment variables.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApis, resolveApi } from "../lib/apis.ts";
import { exec, toolRoot } from "../lib/exec.ts";
import { type PrismHandle, startPrism } from "../lib/test-servers.ts";

interface Pkg {
  dir: string;
  name: string;
  tarball: string;
}

const work = mkdtempSync(path.join(tmpdir(), "apiforge-consumer-"));
const app = path.join(work, "app");
const packages: Pkg[] = [];
const apis = listApis().map((name) => resolveApi(name));

function publishable(): { dir: string; name: string }[] {
  const root = path.join(toolRoot, "packages");
  return readdirSync(root)
    .map((d) => path.join(root, d))
    .filter((dir) => existsSync(path.join(dir, "package.json")))
    .map((dir) => ({ dir, json: JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) }))
    .filter(({ json }) => !json.private)
    .map(({ dir, json }) => ({ dir, name: json.name as string }));
}

async function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const r = await exec(cmd, args, { cwd, env: { ...env, npm_config_update_notifier: "false" } });
  return { ...r, output: `${r.stdout}\n${r.stderr}`.trim() };
}

beforeAll(async () => {
  const tarballs = path.join(work, "tarballs");
  mkdirSync(tarballs, { recursive: true });
  for (const { dir, name } of publishable()) {
    const packed = await run("pnpm", ["pack", "--pack-destination", tarballs], dir);
    if (packed.code !== 0) throw new Error(`pnpm pack failed in ${dir}:\n${packed.output}`);
    const file = packed.stdout.trim().split("\n").pop()!.trim();
    packages.push({ dir, name, tarball: path.isAbsolute(file) ? file : path.join(tarballs, path.basename(file)) });
  }
  mkdirSync(app, { recursive: true });
  const deps = Object.fromEntries(packages.map((p) => [p.name, `file:${p.tarball}`]));
  // the workspace packages depend on each other by version; point those at the tarballs too
  writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module", dependencies: { ...deps, typescript: "5.9.3", "@types/node": "20.19.43" }, overrides: deps }, null, 2),
  );
  const install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app);
  if (install.code !== 0) throw new Error(`npm install of the packed tarballs failed:\n${install.output}`);
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const tsc = () => path.join(app, "node_modules", "typescript", "bin", "tsc");

function writeProject(name: string, files: Record<string, string>): string {
  const dir = path.join(app, name);
  rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const imports = () => apis.map((a, i) => `import * as sdk${i} from "${a.config.packageName}";`).join("\n");
const uses = () => apis.map((_a, i) => `void sdk${i};`).join("\n");

describe("packed packages installed into fresh projects", () => {
  it("every tarball carries LICENSE, README and built files only", async () => {
    for (const p of packages) {
      const list = await run("tar", ["-tzf", p.tarball], work);
      const files = list.stdout.split("\n").filter(Boolean);
      expect(files, p.name).toContain("package/LICENSE");
      expect(files, p.name).toContain("package/README.md");
      expect(files.filter((f) => /\/src\/|\.test\.|\/test\//.test(f)), p.name).toEqual([]);
    }
  });

  it.each([
    ["node16 ESM", { module: "node16", moduleResolution: "node16" }, "module"],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }, "module"],
  ] as const)("type-check in a %s TypeScript project", async (label, options, type) => {
    const dir = writeProject(label.replace(/\W+/g, "-"), {
      "package.json": JSON.stringify({ type }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { ...options, target: "es2022", strict: true, noEmit: true, types: ["node"] }, include: ["*.ts"] }),
      "index.ts": `${imports()}\n${uses()}\n`,
    });
    const r = await run(process.execPath, [tsc(), "-p", dir], dir);
    expect(r.output, `tsc in a ${label} project`).toBe("");
    expect(r.code).toBe(0);
  }, 120_000);

  it("a DOM-only TypeScript project (no @types/node) type-checks", async () => {
    const dir = writeProject("dom-only", {
      "package.json": JSON.stringify({ type: "module" }),
      "tsconfig.json": JSON.stringify({
        compilerOptions: { module: "esnext", moduleResolution: "bundler", target: "es2022", lib: ["es2022", "dom", "dom.iterable"], strict: true, noEmit: true, types: [] },
        include: ["*.ts"],
      }),
      "index.ts": `${imports()}\n${uses()}\n`,
    });
    const r = await run(process.execPath, [tsc(), "-p", dir], dir);
    expect(r.output).toBe("");
  }, 120_000);

  // Packages are ESM-only. A CommonJS TypeScript project with module node20 (TS ≥ 5.9) types the
  // require() of ESM that Node ≥ 20.19 runs; module node16 cannot (TS1479) without a CJS build.
  it("a CommonJS TypeScript project (module node20) type-checks and its require() runs", async () => {
    const dir = writeProject("cjs-ts", {
      "package.json": JSON.stringify({ type: "commonjs" }),
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "node20", target: "es2022", strict: true, outDir: "dist", types: ["node"] }, include: ["*.ts"] }),
      "index.ts": `${imports()}\nconsole.log([${apis.map((_a, i) => `typeof sdk${i}.meta`).join(", ")}].join(" "));\n`,
    });
    const r = await run(process.execPath, [tsc(), "-p", dir], dir);
    expect(r.output, "tsc in a CommonJS node20 project").toBe("");
    const ran = await run(process.execPath, [path.join(dir, "dist", "index.js")], dir);
    expect(ran.code, ran.output).toBe(0);
    expect(ran.stdout.trim()).toBe(apis.map(() => "object").join(" "));
  }, 120_000);

  it("a CommonJS project loads every package with require() (Node ≥ 20.19 loads ESM synchronously)", async () => {
    const dir = writeProject("cjs", {
      "package.json": JSON.stringify({ type: "commonjs" }),
      "index.cjs": `${packages.map((p) => `console.log(${JSON.stringify(p.name)}, Object.keys(require(${JSON.stringify(p.name)})).length > 0);`).join("\n")}\n`,
    });
    const r = await run(process.execPath, ["index.cjs"], dir);
    expect(r.code, r.output).toBe(0);
    for (const p of packages) expect(r.stdout).toContain(`${p.name} true`);
  });

  describe("README quick starts against Prism", () => {
    const prisms = new Map<string, PrismHandle>();
    afterAll(async () => Promise.all([...prisms.values()].map((p) => p.stop())));

    it.each(apis.map((a) => [a.config.name, a] as const))("%s: examples/quick-start.ts compiles and runs against a mock via the environment alone", async (name, api) => {
      const example = path.join(api.packageDir, "examples", "quick-start.ts");
      expect(existsSync(example), `${name} has examples/quick-start.ts`).toBe(true);
      const dir = path.join(app, `quick-start-${name}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      cpSync(example, path.join(dir, "quick-start.ts"));
      writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
      writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { module: "node16", moduleResolution: "node16", target: "es2022", strict: true, outDir: "dist", types: ["node"] }, include: ["*.ts"] }),
      );
      const built = await run(process.execPath, [tsc(), "-p", dir], dir);
      expect(built.output, "tsc of the quick start").toBe("");

      const prism = await startPrism({ spec: api.spec });
      prisms.set(name, prism);
      const { meta } = (await import(path.join(api.packageDir, "dist", "index.js"))) as { meta: QuickStartMeta };
      const ran = await run(process.execPath, [path.join(dir, "dist", "quick-start.js")], dir, envFor(meta, prism.url));
      expect(ran.code, `${name} quick start output:\n${ran.output}\nPrism:\n${prism.output().slice(-2000)}`).toBe(0);
    }, 120_000);
  });
});

interface QuickStartMeta {
  envPrefix: string;
  auth: readonly { type: string; env: string }[];
}

/** Points the SDK at the mock and gives it a credential, through the variables its README documents. */
function envFor(meta: QuickStartMeta, baseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { [`${meta.envPrefix}_BASE_URL`]: baseUrl, [`${meta.envPrefix}_LOG`]: "" };
  for (const auth of meta.auth) {
    if (auth.type === "oauth2-client-credentials") env[`${auth.env}_ACCESS_TOKEN`] = "mock-access-token";
    else env[auth.env] = "mock-credential";
  }
  return env;
}
