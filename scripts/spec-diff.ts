// pnpm spec:diff --base <file|git-ref:path> --head <file|git-ref:path> [--format text|json|markdown|github]
//   [--fail-on ERR|WARN|INFO] [--facts <json file>]
// The repository's wrapper around @apiforge/spec-diff's CLI: the same command, plus the runtime-limit
// rules fed by this repo's facts extractor (what `pnpm generate` writes into meta.ts).
import { main } from "../packages/spec-diff/src/index.ts";
import { extractFacts } from "./lib/spec-facts.ts";

process.exitCode = await main(process.argv.slice(2), { name: "pnpm spec:diff", extractFacts });
