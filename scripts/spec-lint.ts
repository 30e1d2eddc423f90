// pnpm spec:lint [--api <name>] [--write-config]: Redocly lint of each API's effective document
// (snapshot + overlays) with its committed redocly.yaml; one summary table for all APIs.
import { existsSync } from "node:fs";
import { rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { failIfAny, forEachApi, formatRows, selectApis } from "./lib/each-api.ts";
import { loadEffectiveSpec } from "./lib/effective.ts";
import { SpecLintError } from "./lib/errors.ts";
import { writeLintConfig } from "./lib/lint.ts";
import { lintEffective } from "./lib/pull.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" }, "write-config": { type: "boolean" } }, "pnpm spec:lint [--api <name>] [--write-config]");
  const names = selectApis(flags.api);
  const rows = await forEachApi(
    names,
    async (api) => {
      const eff = loadEffectiveSpec(api);
      const hasConfig = existsSync(api.redocly);
      const missing = `${rel(api, api.redocly)} does not exist, so Redocly's \`recommended\` rules applied`;
      const create = `create it with \`pnpm spec:lint --api ${api.config.name} --write-config\` (extends recommended and turns down exactly the failing rules, each with a \`# reason: TODO\`), or by hand with \`extends: [recommended]\``;
      try {
        const report = await lintEffective(api, eff, api.spec, rel(api, api.spec));
        if (!hasConfig) console.log(`ℹ ${api.config.name}: ${missing}; ${create}.`);
        return `0 errors, ${report.warnings} warnings (${hasConfig ? rel(api, api.redocly) : "recommended, no redocly.yaml"})`;
      } catch (err) {
        if (!(err instanceof SpecLintError) || hasConfig) throw err;
        if (flags["write-config"]) {
          const failing = err.report.rules.filter((r) => r.severity === "error");
          await writeLintConfig(api.redocly, failing, `Lint profile for spec/${api.config.name} (written by spec:lint --write-config: replace every TODO with the reason)`);
          return `wrote ${rel(api, api.redocly)} turning down ${failing.map((r) => `${r.rule} (${r.count})`).join(", ")}`;
        }
        throw new SpecLintError(`${err.message}\n  (${missing}.)`, err.report, `${create}.`);
      }
    },
    { log: (l) => console.error(l) },
  );
  if (names.length > 1) console.log(`\n${formatRows("spec:lint summary", rows)}`);
  else if (rows[0]) console.log(`✔ ${rows[0].api}: ${rows[0].detail}`);
  failIfAny(rows, "spec:lint");
});
