// pnpm generate:check [--api <name>]: fails when committed generated code differs from the spec's.
import { listApis, resolveApi, rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { GenerateError } from "./lib/errors.ts";
import { checkGenerated } from "./lib/generate.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm generate:check [--api <name>]");
  const stale: string[] = [];
  const names = flags.api ? [flags.api] : listApis();
  for (const name of names) {
    const api = resolveApi(name);
    const changed = await checkGenerated(api);
    stale.push(...changed.map((f) => `${rel(api, api.generatedDir)}/${f}`));
    if (!changed.length) console.log(`✔ ${rel(api, api.generatedDir)} matches ${rel(api, api.spec)}`);
  }
  if (stale.length) {
    throw new GenerateError(
      `Generated code is stale or was edited by hand:\n${stale.map((f) => `    ${f}`).join("\n")}`,
      `run \`pnpm generate${flags.api ? ` --api ${flags.api}` : ""}\` and commit the result (never edit src/generated/ by hand).`,
    );
  }
});
