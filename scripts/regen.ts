// pnpm regen [--api <name>]: the main job. lint → generate for every API (or the one --api
// names) → build only what changed (turbo; with --api only that package and what it needs),
// then one summary table and a few lines per API.
import { rel, repoRoot, resolveApi } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { buildFilters, failIfAny, forEachApi, formatRows, selectApis } from "./lib/each-api.ts";
import { loadEffectiveSpec } from "./lib/effective.ts";
import { CommandError } from "./lib/errors.ts";
import { bin, exec } from "./lib/exec.ts";
import { generate } from "./lib/generate.ts";
import { lintEffective } from "./lib/pull.ts";
import { specStats } from "./lib/spec-doc.ts";
import { describeChanges, headerSha, lineCount } from "./lib/summary.ts";

run(async () => {
  const started = performance.now();
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" }, "skip-build": { type: "boolean" } }, "pnpm regen [--api <name>] [--skip-build]");
  const names = selectApis(flags.api);
  const lines: string[] = [];
  const rows = await forEachApi(
    names,
    async (api) => {
      const eff = loadEffectiveSpec(api);
      const { lock } = eff;
      const lint = await lintEffective(api, eff, api.spec, rel(api, api.spec));
      console.log(`✔ lint ${rel(api, api.spec)}${eff.overlays.length ? ` + ${eff.overlays.length} overlay(s)` : ""}: 0 errors, ${lint.warnings} warnings`);
      const { changed, files, before, doc, meta } = await generate(api);
      console.log(`✔ generate ${rel(api, api.generatedDir)}: ${changed.length ? `wrote ${changed.join(", ")}` : "up to date"}`);
      const stats = specStats(doc);
      // every style counts, POST query services included (meta, not the GET-only legacy facts)
      const paginated = Object.values(meta.operations).filter((o) => o.pagination).length;
      const oldSha = headerSha(before.get("meta.ts"));
      lines.push(
        `  API          ${api.config.name} (${lock.source === "hand-maintained" ? "hand-maintained spec" : lock.source}), OpenAPI ${stats.openapi}${lock.conversion ? ` (converted from ${lock.conversion.from})` : ""}`,
        `  operations   ${stats.operations} (${paginated} paginated), schemas ${stats.schemas}, webhooks ${stats.webhooks}`,
        `  generated    ${lineCount(files)} lines in ${files.size} files → ${rel(api, api.generatedDir)}`,
        `  spec         sha256 ${eff.sha256.slice(0, 12)}…${eff.overlays.length ? ` (with ${eff.overlays.length} overlay(s))` : ""}${oldSha && oldSha !== eff.sha256 ? ` (was ${oldSha.slice(0, 12)}…)` : oldSha ? " (unchanged)" : " (first generation)"}`,
        `  changed      ${describeChanges(before, files, changed)}`,
        "",
      );
      return `${stats.operations} operations, ${changed.length ? `wrote ${changed.join(", ")}` : "generated code up to date"}`;
    },
    { log: (l) => console.error(l) },
  );
  const built = rows.filter((r) => r.ok).map((r) => resolveApi(r.api).config.packageName);
  if (flags["skip-build"]) console.log("- build: skipped (--skip-build)");
  else if (built.length) {
    const filters = buildFilters(flags.api ? built : null);
    const build = await exec(bin("turbo"), ["run", "build", "--output-logs=errors-only", ...filters], { cwd: repoRoot(), env: { TURBO_TELEMETRY_DISABLED: "1" } });
    const tasks = build.stdout.match(/Tasks:\s+(.*)/)?.[1]?.trim();
    const cached = build.stdout.match(/Cached:\s+(.*)/)?.[1]?.trim();
    if (build.code !== 0) throw new CommandError(`turbo build failed:\n${build.stdout}${build.stderr}`, "fix the compile errors above; the generated code stays in place for you to inspect.");
    console.log(`✔ build${filters.length ? ` (${built.join(", ")})` : ""}: ${tasks ?? "done"}${cached ? ` (turbo cache: ${cached})` : ""}`);
  }
  console.log(`\nregen summary\n${lines.join("\n")}`);
  if (names.length > 1) console.log(formatRows("per API", rows));
  console.log(`  time         ${((performance.now() - started) / 1000).toFixed(1)} s`);
  failIfAny(rows, "regen");
});
