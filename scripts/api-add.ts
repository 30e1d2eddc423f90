// pnpm api:add <name> --from <url|file://…|path>… [--package @apiforge/<name>] [--env NAME_SPEC_URL] [--overlay <file>]… [--accept-lint]
// Adds a vendor API in one transaction: spec/<name>/ + packages/<name>/, generated, built and
// contract-tested against Prism; on any failure nothing is left behind.
import { parseArgs } from "node:util";
import { repoRoot } from "./lib/apis.ts";
import { run } from "./lib/cli.ts";
import { UsageError } from "./lib/errors.ts";
import { addApi } from "./lib/add/add.ts";

const USAGE =
  "pnpm api:add <name> --from <url|file://…|path>… [--package @apiforge/<name>] [--env <NAME>_SPEC_URL] [--overlay <file>]… [--accept-lint] [--skip-contract] [--timeout-ms <ms>] [--max-bytes <n>]";

run(async () => {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (err) {
    throw new UsageError(`${(err as Error).message}.`, `Usage: ${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || !values.from?.length) throw new UsageError("api:add needs one API name and --from.", `Usage: ${USAGE}`);
  const started = performance.now();
  const result = await addApi({
    root: repoRoot(),
    name: positionals[0]!,
    from: values.from.length === 1 ? values.from[0]! : values.from,
    packageName: values.package,
    env: values.env,
    overlays: values.overlay,
    acceptLint: values["accept-lint"],
    skipContract: values["skip-contract"],
    timeoutMs: positive(values["timeout-ms"], "--timeout-ms"),
    maxBytes: positive(values["max-bytes"], "--max-bytes"),
    log: (line) => console.log(line),
  });
  const { names } = result;
  const tested = result.contract ? `${result.contract.passed} contract checks passed` : "contract suite NOT run";
  console.log(`\n${names.packageName} is ready: ${result.operations} operations, built, ${tested} (${((performance.now() - started) / 1000).toFixed(1)} s).`);
  console.log(`  created  ${result.created.join(", ")}; changed ${result.changed.join(", ") || "nothing else"}`);
  if (result.turnedDown.length) console.log(`  to do    replace the ${result.turnedDown.length} \`reason: TODO\` line(s) in spec/${names.name}/redocly.yaml`);
  console.log(`  next     import { create${names.pascal}Client } from "${names.packageName}"; commit with \`git add spec/${names.name} packages/${names.name} pnpm-lock.yaml\`, then \`pnpm changeset\`.`);
});

function parse() {
  return parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    allowPositionals: true,
    strict: true,
    options: {
      from: { type: "string", multiple: true },
      package: { type: "string" },
      env: { type: "string" },
      overlay: { type: "string", multiple: true },
      "accept-lint": { type: "boolean", default: false },
      "skip-contract": { type: "boolean", default: false },
      "timeout-ms": { type: "string" },
      "max-bytes": { type: "string" },
    },
  });
}

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, got "${value}".`, `Usage: ${USAGE}`);
  return n;
}
