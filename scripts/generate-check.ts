// pnpm generate:check [--api <name>]: fails when committed generated code differs from what the
// spec (+ overlays) renders, for every API (one summary table) or the one --api names.
import { rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { failIfAny, forEachApi, formatRows, selectApis } from "./lib/each-api.ts";
import { GenerateError } from "./lib/errors.ts";
import { syncReadmeTable } from "./lib/add/readme.ts";
import { loadEffectiveSpec } from "./lib/effective.ts";
import { checkGenerated } from "./lib/generate.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm generate:check [--api <name>]");
  const names = selectApis(flags.api);
  const stale: { api: string; files: string[] }[] = [];
  const rows = await forEachApi(
    names,
    async (api) => {
      const changed = await checkGenerated(api);
      // the operation table api:add renders into the package README is generated output too
      if ((await syncReadmeTable(api.packageDir, loadEffectiveSpec(api).doc)) === "stale") changed.push("../../README.md (operations table)");
      if (!changed.length) {
        console.log(`✔ ${rel(api, api.generatedDir)} matches ${rel(api, api.spec)}`);
        return "current";
      }
      stale.push({ api: api.config.name, files: changed.map((f) => `${rel(api, api.generatedDir)}/${f}`) });
      return `stale: ${changed.join(", ")}`;
    },
    { log: (l) => console.error(l) },
  );
  for (const r of rows) if (stale.some((s) => s.api === r.api)) r.ok = false;
  if (names.length > 1) console.log(`\n${formatRows("generate:check summary", rows)}`);
  if (stale.length) {
    const fix = stale.length === 1 ? `pnpm generate --api ${stale[0]!.api}` : "pnpm generate";
    throw new GenerateError(
      `Generated code is stale or was edited by hand:\n${stale.flatMap((s) => s.files).map((f) => `    ${f}`).join("\n")}`,
      `run \`${fix}\` and commit the result (never edit src/generated/ by hand).`,
    );
  }
  failIfAny(rows, "generate:check");
});
