// pnpm generate [--api <name>]: writes packages/<api>/src/generated/ from the locked snapshot
// plus overlays, for every API (one summary table) or the one --api names.
import { rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { failIfAny, forEachApi, formatRows, selectApis } from "./lib/each-api.ts";
import { syncReadmeTable } from "./lib/add/readme.ts";
import { generate } from "./lib/generate.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm generate [--api <name>]");
  const names = selectApis(flags.api);
  const rows = await forEachApi(
    names,
    async (api) => {
      const { changed, doc } = await generate(api);
      // a README rendered by api:add carries the operation table; keep it in step with the spec
      if ((await syncReadmeTable(api.packageDir, doc, { write: true })) === "updated") changed.push("../../README.md (operations table)");
      const line = changed.length ? `wrote ${changed.join(", ")}` : "up to date";
      console.log(`✔ ${rel(api, api.generatedDir)}: ${line}`);
      return line;
    },
    { log: (l) => console.error(l) },
  );
  if (names.length > 1) console.log(`\n${formatRows("generate summary", rows)}`);
  failIfAny(rows, "generate");
});
