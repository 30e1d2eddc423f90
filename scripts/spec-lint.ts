// pnpm spec:lint [--api <name>]: Redocly lint of each API's effective document
// (snapshot + overlays) with its committed redocly.yaml; one summary table for all APIs.
import { existsSync } from "node:fs";
import { rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { failIfAny, forEachApi, formatRows, selectApis } from "./lib/each-api.ts";
import { loadEffectiveSpec } from "./lib/effective.ts";
import { SpecLintError } from "./lib/errors.ts";
import { lintEffective } from "./lib/pull.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm spec:lint [--api <name>]");
  const names = selectApis(flags.api);
  const rows = await forEachApi(
    names,
    async (api) => {
      const eff = loadEffectiveSpec(api);
      const hasConfig = existsSync(api.redocly);
      const missing = `${rel(api, api.redocly)} does not exist, so Redocly's \`recommended\` rules applied`;
      const create = `create it with \`extends: [recommended]\`, plus \`<rule>: off\` under \`rules:\` with a \`# reason:\` comment for each rule the vendor's document breaks`;
      try {
        const report = await lintEffective(api, eff, api.spec, rel(api, api.spec));
        if (!hasConfig) console.log(`ℹ ${api.config.name}: ${missing}; ${create}.`);
        return `0 errors, ${report.warnings} warnings (${hasConfig ? rel(api, api.redocly) : "recommended, no redocly.yaml"})`;
      } catch (err) {
        if (!(err instanceof SpecLintError) || hasConfig) throw err;
        throw new SpecLintError(`${err.message}\n  (${missing}.)`, err.report, `${create}.`);
      }
    },
    { log: (l) => console.error(l) },
  );
  if (names.length > 1) console.log(`\n${formatRows("spec:lint summary", rows)}`);
  else if (rows[0]) console.log(`✔ ${rows[0].api}: ${rows[0].detail}`);
  failIfAny(rows, "spec:lint");
});
