// pnpm spec:lock [--api <name>]: for a hand-maintained spec, lint it and record its sha256.
import { resolveApi, rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { lockSpec } from "./lib/pull.ts";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), { api: { type: "string" } }, "pnpm spec:lock [--api <name>]");
  const api = resolveApi(flags.api);
  const { sha256, changed } = await lockSpec(api);
  console.log(changed ? `✔ ${rel(api, api.lock)} now records sha256 ${sha256.slice(0, 12)}…` : `✔ ${rel(api, api.lock)} already matches (sha256 ${sha256.slice(0, 12)}…).`);
});
