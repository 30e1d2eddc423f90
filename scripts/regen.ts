// pnpm regen [--api <name>]: the main job. lint → generate → build, then a short summary.
import { listApis, resolveApi, rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { CommandError } from "./lib/errors.ts";
import { bin, exec } from "./lib/exec.ts";
import { generate } from "./lib/generate.ts";
import { lintSpec } from "./lib/lint.ts";
import { verifyLock } from "./lib/lock.ts";
import { specStats } from "./lib/spec-doc.ts";
import { describeChanges, headerSha, lineCount } from "./lib/summary.ts";

run(async () => {
  const started = performance.now();
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm regen [--api <name>]");
  const lines: string[] = [];
  for (const name of flags.api ? [flags.api] : listApis()) {
    const api = resolveApi(name);
    const { lock } = verifyLock(api);
    const lint = await lintSpec(api);
    console.log(`✔ lint ${rel(api, api.spec)}: 0 errors, ${lint.warnings} warnings`);
    const { changed, files, before, doc, facts } = await generate(api);
    console.log(`✔ generate ${rel(api, api.generatedDir)}: ${changed.length ? `wrote ${changed.join(", ")}` : "up to date"}`);
    const stats = specStats(doc);
    const paginated = facts.paginatedOperations.length;
    const oldSha = headerSha(before.get("meta.ts"));
    lines.push(
      `  API          ${name} (${lock.source === "hand-maintained" ? "hand-maintained spec" : lock.source}), OpenAPI ${stats.openapi}`,
      `  operations   ${stats.operations} (${paginated} paginated), schemas ${stats.schemas}, webhooks ${stats.webhooks}`,
      `  generated    ${lineCount(files)} lines in ${files.size} files → ${rel(api, api.generatedDir)}`,
      `  spec         sha256 ${lock.sha256.slice(0, 12)}…${oldSha && oldSha !== lock.sha256 ? ` (was ${oldSha.slice(0, 12)}…)` : oldSha ? " (unchanged)" : " (first generation)"}`,
      `  changed      ${describeChanges(before, files, changed)}`,
    );
  }
  const build = await exec(bin("turbo"), ["run", "build", "--output-logs=errors-only"], { env: { TURBO_TELEMETRY_DISABLED: "1" } });
  const tasks = build.stdout.match(/Tasks:\s+(.*)/)?.[1]?.trim();
  const cached = build.stdout.match(/Cached:\s+(.*)/)?.[1]?.trim();
  if (build.code !== 0) throw new CommandError(`turbo build failed:\n${build.stdout}${build.stderr}`, "fix the compile errors above; the generated code stays in place for you to inspect.");
  console.log(`✔ build: ${tasks ?? "done"}${cached ? ` (turbo cache: ${cached})` : ""}`);
  console.log(`\nregen summary\n${lines.join("\n")}\n  time         ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
