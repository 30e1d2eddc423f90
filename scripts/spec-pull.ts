// pnpm spec:pull [--api <name>] [--from <url|file://…|path>]… (several: joined in order) [--timeout-ms n] [--max-bytes n] [--force]
// Fetches the vendor bundle (bundling external $refs, converting Swagger 2.0), refuses a document
// that looks like another API unless --force, and replaces the snapshot and its lock only after
// the result (with the API's overlays) lints.
import { resolveApi, rel } from "./lib/apis.ts";
import { parseFlags, run } from "./lib/cli.ts";
import { UsageError } from "./lib/errors.ts";
import { pullSpec } from "./lib/pull.ts";

const USAGE = "pnpm spec:pull [--api <name>] [--from <url|file://…|path>]… (several: joined in order) [--timeout-ms <ms>] [--max-bytes <n>] [--force]";

run(async () => {
  const flags = parseFlags(process.argv.slice(2), {
    api: { type: "string" },
    from: { type: "string", multiple: true },
    "timeout-ms": { type: "string" },
    "max-bytes": { type: "string" },
    force: { type: "boolean" },
  }, USAGE);
  const api = resolveApi(flags.api);
  const result = await pullSpec(api, {
    from: flags.from,
    timeoutMs: positive(flags["timeout-ms"], "--timeout-ms"),
    maxBytes: positive(flags["max-bytes"], "--max-bytes"),
    force: flags.force,
  });
  const where = rel(api, api.spec);
  if (result.outcome === "not-modified") console.log(`✔ ${where}: ${result.source} answered 304 Not Modified; nothing changed.`);
  else if (result.outcome === "unchanged") console.log(`✔ ${where}: same content as the snapshot (sha256 ${result.sha256.slice(0, 12)}…); nothing changed.`);
  else {
    console.log(`✔ ${where} updated from ${result.source}`);
    for (const w of result.warnings) console.log(`  ⚠ ${w}`);
    const { conversion, bundled, overlays } = result.lock;
    if (bundled) console.log(`  bundled ${bundled.files.length} referenced file(s) with ${bundled.tool} ${bundled.version}: ${bundled.files.join(", ")}`);
    if (conversion) console.log(`  converted ${conversion.from} → OpenAPI ${conversion.to} with ${conversion.tool} ${conversion.version}`);
    for (const src of result.lock.sources ?? []) console.log(`  joined ${src.name}: ${src.source} (sha256 ${src.sha256.slice(0, 12)}…)`);
    if (overlays?.length) console.log(`  overlays applied: ${overlays.map((o) => o.file).join(", ")}`);
    console.log(`  sha256 ${result.previousSha256?.slice(0, 12) ?? "(none)"}… → ${result.sha256.slice(0, 12)}…, OpenAPI ${result.stats.openapi}, ${result.stats.operations} operations, ${result.stats.schemas} schemas`);
    console.log(`  next: \`pnpm regen --api ${api.config.name}\` to regenerate and build, or \`pnpm spec:diff\` to see what changed.`);
  }
});

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, got "${value}".`, `Usage: ${USAGE}`);
  return n;
}
