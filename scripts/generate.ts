// pnpm generate [--api <name>]: writes packages/<api>/src/generated/ from the locked snapshot.
import { listApis, resolveApi, rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { generate } from "./lib/generate.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm generate [--api <name>]");
  for (const name of flags.api ? [flags.api] : listApis()) {
    const api = resolveApi(name);
    const { changed } = await generate(api);
    console.log(changed.length ? `✔ ${rel(api, api.generatedDir)}: wrote ${changed.join(", ")}` : `✔ ${rel(api, api.generatedDir)}: up to date`);
  }
});
