// pnpm spec:sync [--api <name>] [--from <url|file>] [--report <file>] [--fail-on ERR|WARN|INFO]
//   [--skip-build] [--test-command "<cmd>"|--skip-tests]
// pull → lint → diff → regenerate → build → changeset → tests; on any failure the tree is restored.
import { appendFile } from "node:fs/promises";
import { resolveApi, rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { formatReport } from "../packages/spec-diff/src/index.ts";
import { UsageError } from "./lib/errors.ts";
import { syncSpec } from "./lib/sync.ts";

const USAGE = 'pnpm spec:sync [--api <name>] [--from <url|file://…|path>] [--report <file>] [--fail-on ERR|WARN|INFO] [--skip-build] [--test-command "<cmd>" | --skip-tests] [--force]';
const LEVELS = ["INFO", "WARN", "ERR"] as const;

run(async () => {
  const flags = parseFlags(process.argv.slice(2), {
    api: { type: "string" },
    from: { type: "string" },
    report: { type: "string" },
    "fail-on": { type: "string" },
    "skip-build": { type: "boolean" },
    "skip-tests": { type: "boolean" },
    "test-command": { type: "string" },
    force: { type: "boolean" },
  }, USAGE);
  const failOn = flags["fail-on"];
  if (failOn && !LEVELS.includes(failOn as never)) throw new UsageError(`--fail-on must be ERR, WARN or INFO, got "${failOn}".`, `Usage: ${USAGE}`);
  const api = resolveApi(flags.api);
  const started = performance.now();
  const result = await syncSpec(api, {
    from: flags.from,
    force: flags.force,
    build: !flags["skip-build"],
    testCommand: flags["skip-tests"] ? false : flags["test-command"] ? flags["test-command"].split(/\s+/).filter(Boolean) : undefined,
    log: (line) => console.log(line),
  });
  if (result.outcome === "unchanged") {
    console.log(`✔ ${api.config.name}: ${result.reason}; nothing changed.`);
    return 0;
  }
  const { report } = result;
  if (flags.report) await appendFile(flags.report, formatReport(report, "markdown") + "\n");
  console.log(`\n${formatReport(report, "text")}`);
  console.log(
    `\nspec:sync ${api.config.name}: bump ${result.bump ?? "none"}, generated ${result.changed.join(", ") || "unchanged"}, ` +
      `changeset ${result.changeset ? rel(api, result.changeset) : "none"}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (failOn) {
    const threshold = LEVELS.indexOf(failOn as (typeof LEVELS)[number]);
    if (report.changes.some((c) => LEVELS.indexOf(c.level) >= threshold)) return 1;
  }
  return 0;
});
