// pnpm spec:lint [--api <name>]: Redocly lint of each API's snapshot with its committed redocly.yaml.
import { listApis, resolveApi, rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { lintSpec } from "./lib/lint.ts";
import { verifyLock } from "./lib/lock.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm spec:lint [--api <name>]");
  for (const name of flags.api ? [flags.api] : listApis()) {
    const api = resolveApi(name);
    verifyLock(api);
    const { warnings } = await lintSpec(api);
    console.log(`✔ ${rel(api, api.spec)}: 0 errors, ${warnings} warnings (${rel(api, api.redocly)})`);
  }
});
