// pnpm api:add: one transaction from a vendor bundle to a typed, built, tested package.
// fetch (spec:pull's safe path) → lint by rule → spec/<name>/ → packages/<name>/ from the template
// → pnpm install --offline → generate → turbo build → the generic contract suite against Prism.
// Any failure removes what was created and restores what was touched (pnpm-lock.yaml).
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type ApiPaths, apiPaths, resolveApi } from "../apis.ts";
import { writeFileAtomic } from "../atomic.ts";
import { PipelineError } from "../errors.ts";
import { bin, exec } from "../exec.ts";
import { generate } from "../generate.ts";
import { formatLintReport, lintFile, type RuleFindings, renderLintConfig } from "../lint.ts";
import { type SpecLock, serializeLock } from "../lock.ts";
import { envPrefix } from "../meta/schema.ts";
import { operations } from "../spec-doc.ts";
import { AddFailedError } from "./errors.ts";
import { exampleCall } from "./example-call.ts";
import { type Manifest, withImporter, workspaceLinks } from "./lockfile.ts";
import { type AddNames, resolveNames, workspacePackages } from "./names.ts";
import { operationsTable } from "./readme.ts";
import { fetchSnapshot, resolveFrom } from "./source.ts";
import { renderApiJson, renderNotes } from "./spec-files.ts";
import { renderTemplate } from "./template.ts";
import { FileTransaction } from "./transaction.ts";

export interface AddOptions {
  root: string;
  name: string;
  /** URL, file:// URL or path (relative to where the user ran pnpm); several are joined in order. */
  from: string | string[];
  packageName?: string;
  env?: string;
  /** Overlay 1.0 files, copied into spec/<name>/overlays/ in this order and applied on pull. */
  overlays?: string[];
  /** Write redocly.yaml turning the failing rules down (reason: TODO) instead of stopping. */
  acceptLint?: boolean;
  /**
   * Leave the contract suite for later (it is still rendered): for documents Prism cannot load
   * in reasonable time (Prism 5.14 had not started on Stripe's 2.4 MB after 8 minutes).
   */
  skipContract?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface AddResult {
  names: AddNames;
  operations: number;
  turnedDown: RuleFindings[];
  /** Repo-relative paths created, plus the files changed. */
  created: string[];
  changed: string[];
  timings: { step: string; ms: number }[];
  /** null with skipContract. */
  contract: { passed: number; failed: number } | null;
}

const ENV = { NO_COLOR: "1", FORCE_COLOR: "0", TURBO_TELEMETRY_DISABLED: "1" };

function pnpmCommand(args: string[]): [string, string[]] {
  // under `pnpm api:add`, npm_execpath is the running pnpm: use that one, not whatever is on PATH
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(path.basename(execPath))) return /\.c?js$/.test(execPath) ? [process.execPath, [execPath, ...args]] : [execPath, args];
  return ["pnpm", args];
}

/** vitest's FAIL blocks, one line of cause each, at most 15: the rest of the output is noise here. */
function failures(out: string): string {
  const blocks = out.split(/\n(?= FAIL )/).slice(1).filter((b) => b.startsWith(" FAIL "));
  const lines = blocks.map((b) => {
    const [head, ...rest] = b.split("\n");
    const cause = rest.find((l) => /Error|expected/.test(l))?.trim() ?? "";
    return `    ${head!.replace(/^ FAIL\s+\S+\s+test\/contract\.test\.ts > [^>]+> /, "").trim()}\n      ${cause.slice(0, 300)}`;
  });
  return (lines.length ? lines.slice(0, 15).join("\n") + (lines.length > 15 ? `\n    … and ${lines.length - 15} more` : "") : tail(out, 40));
}

function tail(text: string, lines: number): string {
  return text.trim().split("\n").slice(-lines).join("\n");
}

function pendingApi(root: string, names: AddNames): ApiPaths {
  return apiPaths(root, { name: names.name, package: `packages/${names.name}`, packageName: names.packageName, sourceUrl: "", sourceEnv: names.env });
}

export async function addApi(opts: AddOptions): Promise<AddResult> {
  const log = opts.log ?? (() => {});
  const { root } = opts;
  const timings: AddResult["timings"] = [];
  const step = async <T>(name: string, fn: () => Promise<T>, done: (t: T) => string): Promise<T> => {
    const t0 = performance.now();
    const value = await fn();
    const ms = performance.now() - t0;
    timings.push({ step: name, ms });
    log(`✔ ${done(value)} (${(ms / 1000).toFixed(1)} s)`);
    return value;
  };

  // nothing is written until the names are free
  const names = resolveNames(root, opts.name, { packageName: opts.packageName, env: opts.env });
  const api = pendingApi(root, names);
  const tx = new FileTransaction();
  const rel = (p: string) => path.relative(root, p);
  try {
    await mkdir(tx.creating(api.dir));
    // overlays go in first: the pull pipeline applies spec/<name>/overlays/ to the candidate
    for (const [i, file] of (opts.overlays ?? []).entries()) {
      await mkdir(path.join(api.dir, "overlays"), { recursive: true });
      await copyFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), path.join(api.dir, "overlays", `${String(i + 1).padStart(2, "0")}-${path.basename(file)}`));
    }
    const snap = await step("fetch", () => fetchSnapshot(api, typeof opts.from === "string" ? resolveFrom(opts.from) : resolveFrom(opts.from), opts), (s) =>
      `fetched ${s.lock.source}: OpenAPI ${s.lock.openapi}, ${s.lock.operations} operations, sha256 ${s.lock.sha256.slice(0, 12)}…${describeProcessing(s)}`,
    );
    const doc = snap.effective.doc;
    const title = String(doc.info?.title ?? names.name);
    await writeFile(api.spec, snap.text);
    await writeFile(api.redocly, renderLintConfig([], lintTitle(names.name, title)));
    const turnedDown = await step("lint", () => lintStep(api, names, title, snap.effective.overlays.length ? snap.effective.text : null, opts), (down) =>
      `lint ${rel(api.spec)}${snap.effective.overlays.length ? " + overlays" : ""}: 0 errors${down.length ? ` (${down.length} rule${down.length === 1 ? "" : "s"} turned off with reason: TODO)` : ""}`,
    );
    await writeFile(api.lock, serializeLock(snap.lock));
    await writeFile(path.join(api.dir, "api.json"), renderApiJson(names, snap.sourceUrl, snap.lock));
    await writeFile(path.join(api.dir, "NOTES.md"), renderNotes({ names, title, lock: snap.lock, sourceUrl: snap.sourceUrl, turnedDown: turnedDown.map((r) => r.rule) }));

    const files = renderTemplate({
      name: names.name,
      packageName: names.packageName,
      Pascal: names.pascal,
      env: names.env,
      // the prefix of the client's own variables (<PREFIX>_BASE_URL, <PREFIX>_LOG), as in meta.envPrefix
      envPrefix: envPrefix(names.name),
      title,
      version: String(doc.info?.version ?? ""),
      operationCount: String(operations(doc).length),
      operationsTable: operationsTable(doc),
      exampleCall: exampleCall(doc),
      sourceDisplay: snap.sourceUrl || `a local file (set sourceUrl in spec/${names.name}/api.json)`,
    });
    tx.creating(api.packageDir);
    for (const [file, text] of files) {
      await mkdir(path.dirname(path.join(api.packageDir, file)), { recursive: true });
      await writeFile(path.join(api.packageDir, file), text);
    }
    log(`✔ rendered ${rel(api.packageDir)}/ from templates/package/ (${files.size} files)`);

    const lockfile = path.join(root, "pnpm-lock.yaml");
    tx.touching(lockfile);
    await step("install", () => install(root, names, lockfile, files.get("package.json")!), () => "pnpm install --offline --frozen-lockfile: linked the new workspace package");
    const resolved = resolveApi(names.name, root);
    await step("generate", () => generate(resolved), (g) => `generate ${rel(resolved.generatedDir)}: ${[...g.files.keys()].join(", ")}`);
    // the contract suite reads the spec and the testkit, not the package's dist: once the workspace
    // dependencies are built it runs beside the package's own build (Prism's start-up overlaps tsup)
    await step("deps", () => build(root, `${names.packageName}^...`), () => "dependencies built (turbo, cached when unchanged)");
    if (opts.skipContract) log(`⚠ contract suite NOT run (--skip-contract): run \`pnpm exec vitest run --project ${names.name}\` once Prism can load the document`);
    const [built, tested] = await Promise.allSettled([
      step("build", () => build(root, names.packageName), () => `build ${names.packageName} (turbo)`),
      opts.skipContract ? Promise.resolve(null) : step("contract", () => contractSuite(root, names, api.packageDir), (c) => `contract suite against Prism: ${c.passed} passed, 0 failed`),
    ]);
    if (built.status === "rejected") throw built.reason;
    if (tested.status === "rejected") throw tested.reason;
    const contract: AddResult["contract"] = tested.value;

    return {
      names,
      operations: operations(doc).length,
      turnedDown,
      created: [`spec/${names.name}/`, `packages/${names.name}/`],
      changed: existsSync(lockfile) ? ["pnpm-lock.yaml"] : [],
      timings,
      contract,
    };
  } catch (err) {
    const problems = await tx.rollback();
    const undone = "Nothing was kept: every file api:add created was removed and every file it changed restored.";
    const extra = problems.length ? `\n  Rollback problems (clean up by hand): ${problems.join("; ")}` : "";
    if (err instanceof PipelineError) {
      throw new AddFailedError(`${err.message}\n  ${undone}${extra}`, err.hint, { cause: err });
    }
    throw new AddFailedError(`api:add ${names.name} failed: ${(err as Error).message}\n  ${undone}${extra}`, "see the message above; fix the cause and run the same command again.", { cause: err });
  }
}

function lintTitle(name: string, title: string): string {
  return `Lint profile for spec/${name}/ (${title}): Redocly's recommended; every rule turned off says why`;
}

/** What the pull pipeline did on the way: conversion, bundling, overlays. */
function describeProcessing(s: { lock: SpecLock; effective: { overlays: unknown[] } }): string {
  const parts: string[] = [];
  if (s.lock.conversion) parts.push(`converted from ${s.lock.conversion.from}`);
  if (s.lock.bundled) parts.push(`bundled from ${s.lock.bundled.files.length} files`);
  if (s.effective.overlays.length) parts.push(`${s.effective.overlays.length} overlay(s) applied`);
  return parts.length ? `; ${parts.join(", ")}` : "";
}

/** Lints the snapshot, or `effectiveText` (snapshot + overlays) when there are overlays. */
async function lintStep(api: ApiPaths, names: AddNames, title: string, effectiveText: string | null, opts: AddOptions): Promise<RuleFindings[]> {
  const scratch = effectiveText === null ? null : await mkdtemp(path.join(tmpdir(), "api-add-lint-"));
  try {
    const file = scratch ? path.join(scratch, "openapi.yaml") : api.spec;
    if (scratch) await writeFile(file, effectiveText!);
    return await lintAndAccept(api, names, title, file, opts);
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

async function lintAndAccept(api: ApiPaths, names: AddNames, title: string, file: string, opts: AddOptions): Promise<RuleFindings[]> {
  const first = await lintFile(file, api.redocly, api.root);
  const failing = first.rules.filter((r) => r.severity === "error");
  if (!first.errors) return [];
  if (!opts.acceptLint) {
    const overlays = (opts.overlays ?? []).map((o) => ` --overlay ${o}`).join("");
    const command = `pnpm api:add ${names.name} ${[opts.from].flat().map((f) => `--from ${f}`).join(" ")}${opts.packageName ? ` --package ${opts.packageName}` : ""}${opts.env ? ` --env ${opts.env}` : ""}${overlays} --accept-lint`;
    throw new AddFailedError(
      `Redocly lint (recommended) found ${first.errors} error${first.errors === 1 ? "" : "s"} in the ${names.name} bundle, by rule:\n${formatLintReport(first, { severity: "error" })}\n  (and ${first.warnings} warnings)`,
      `fix them at the source or with an overlay (--overlay), or accept them for now: \`${command}\` writes spec/${names.name}/redocly.yaml turning exactly these ${failing.length} rule${failing.length === 1 ? "" : "s"} off, each with its count and a \`reason: TODO\` to replace.`,
    );
  }
  await writeFile(api.redocly, renderLintConfig(failing, lintTitle(names.name, title)));
  const second = await lintFile(file, api.redocly, api.root);
  if (second.errors) {
    throw new AddFailedError(`Redocly still reports ${second.errors} errors with the failing rules turned off:\n${formatLintReport(second, { severity: "error" })}`, "the document may be structurally invalid; check it with `pnpm exec redocly lint`.");
  }
  return failing;
}

/** Adds the package's importer to pnpm-lock.yaml (workspace links only), then links it offline. */
async function install(root: string, names: AddNames, lockfile: string, manifest: string): Promise<void> {
  const importer = `packages/${names.name}`;
  const deps = workspaceLinks(JSON.parse(manifest) as Manifest, workspacePackages(root), importer);
  await writeFileAtomic(lockfile, withImporter(await readFile(lockfile, "utf8"), importer, deps));
  const [cmd, args] = pnpmCommand(["install", "--offline", "--frozen-lockfile"]);
  const r = await exec(cmd, args, { cwd: root, env: ENV });
  if (r.code !== 0) {
    throw new AddFailedError(
      `pnpm install --offline --frozen-lockfile could not link ${names.packageName}:\n${tail(r.stdout + r.stderr, 15)}`,
      "the template depends only on workspace packages, so no network is needed once `pnpm install` has run in this checkout; if node_modules is missing or stale, run `pnpm install` (needs the npm registry) and try again.",
    );
  }
}

/** `turbo run build --filter=<filter>` (a package name, or `<name>^...` for its dependencies only). */
async function build(root: string, filter: string): Promise<void> {
  const r = await exec(bin("turbo"), ["run", "build", `--filter=${filter}`, "--output-logs=errors-only"], { cwd: root, env: ENV });
  if (r.code !== 0) {
    throw new AddFailedError(`turbo build of ${filter} failed:\n${tail(r.stdout + r.stderr, 40)}`, "fix the cause above (a type error in generated code usually means the spec needs an overlay) and run api:add again.");
  }
}

async function contractSuite(root: string, names: AddNames, packageDir: string): Promise<{ passed: number; failed: number }> {
  const r = await exec(bin("vitest"), ["run"], { cwd: packageDir, env: { ...ENV, APIFORGE_ROOT: root } });
  const out = r.stdout + r.stderr;
  const passed = Number(out.match(/Tests\s+(?:\d+ failed \| )?(\d+) passed/)?.[1] ?? 0);
  const failed = Number(out.match(/Tests\s+(\d+) failed/)?.[1] ?? 0);
  if (r.code !== 0) {
    const refused = /Prism exited/.test(out);
    const slow = /Prism did not start/.test(out);
    if (refused || slow) {
      const prismLines = out.split("\n").filter((l) => /Prism|error|✖|›/i.test(l)).slice(0, 20).join("\n");
      throw new AddFailedError(
        refused ? `Prism refused to mock spec/${names.name}/openapi.yaml:\n${prismLines}` : `Prism did not start on spec/${names.name}/openapi.yaml in time:\n${prismLines}`,
        refused
          ? `Prism cannot serve this document as it is; fix it with an overlay (--overlay) until \`pnpm exec prism mock spec/${names.name}/openapi.yaml\` starts.`
          : "a very large document on a busy machine: give Prism longer with APIFORGE_PRISM_START_MS=<ms> and run api:add again.",
      );
    }
    throw new AddFailedError(
      `The contract suite failed against Prism (${failed} failed, ${passed} passed):\n${failures(out)}`,
      "each failing case names the operation; fix the spec with an overlay (--overlay) so it describes what the server does, and run api:add again.",
    );
  }
  return { passed, failed };
}
