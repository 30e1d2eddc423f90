// `apiforge <api> list <operationId>`: every item of a paginated operation through the SDK's
// paginator (pages at the largest size the spec allows, paced by the client's limiter), written as
// table, json, ndjson or csv to stdout or atomically to --output.
import { readFileSync } from "node:fs";
import { type CommandContext, EXIT, type ExitCode, UsageError } from "../context.js";
import { parseFields } from "../output/fields.js";
import { fileSink, type Sink, stdoutSink } from "../output/sink.js";
import { FORMATS, type Format } from "../output/formats.js";
import { writerFor } from "../output/writers.js";
import { createProgress } from "../progress.js";
import type { CliClient } from "../registry.js";
import { type CallFlags, requestInput } from "../request-input.js";
import { requireOperation } from "../spec/catalog.js";
import type { OperationSpec } from "../spec/operations.js";

/** Options of `list` (and the request flags it shares with operation calls). */
export interface ListFlags extends CallFlags {
  all?: boolean;
  maxItems?: string;
  format?: string;
  output?: string;
  fields?: string;
}

/** Parameters the paginator sets itself: a user's value would be overwritten. */
function pagingParams(op: OperationSpec): string[] {
  const p = op.meta.pagination;
  return [p?.pageParam, p?.pageSizeParam, p?.cursorParam, p?.offsetParam].filter((x): x is string => !!x);
}

/** A positive integer flag, or a usage error naming it. */
export function positiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a whole number of at least 1, got "${value}".`, `e.g. --${flag} 100.`);
  return n;
}

/** The paginated operation, the request without paging parameters, validated (exit 2 with every problem). */
export async function listRequest(ctx: CommandContext, name: string, flags: CallFlags): Promise<{ op: OperationSpec; init: Record<string, unknown> }> {
  const op = requireOperation(ctx.api, name, (o) => !!o.meta.pagination, "paginated operation");
  const input = requestInput(op, flags, () => readFileSync(0, "utf8"));
  const paging = pagingParams(op);
  const problems = paging.filter((p) => p in input.query || (input.body && typeof input.body === "object" && p in (input.body as object))).map((p) => `"${p}" is set by the paginator; use --max-items to limit the listing`);
  // a POST query service's body may omit the paging fields the paginator adds
  const check = { ...input, body: input.body, hasBody: input.hasBody };
  // nothing given and nothing required: no schema to check against (and no validator to load)
  const given = Object.keys(input.path).length + Object.keys(input.query).length + Object.keys(input.header).length > 0 || input.hasBody;
  if (given || op.parameters.some((p) => p.required) || op.bodyRequired) problems.push(...(await import("../spec/validate.js")).validatorFor(ctx.api).check(op, check));
  if (problems.length) throw new UsageError(`The request to ${op.operationId} is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was sent.`, `\`apiforge ${ctx.api.name} list --help\` shows the options.`, problems);
  const init: Record<string, unknown> = {
    params: { path: input.path, query: input.query, header: input.header },
    ...(input.hasBody && { body: input.body }),
  };
  return { op, init };
}

function formatOf(value: string | undefined): Format {
  const f = (value ?? "table") as Format;
  if (!FORMATS.includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${value}".`);
  return f;
}

/** Runs the export; returns the exit code (130 when interrupted, the output file left as it was). */
export async function listCommand(ctx: CommandContext, name: string, flags: ListFlags): Promise<ExitCode> {
  const format = formatOf(flags.format);
  const maxItems = positiveInt("max-items", flags.maxItems);
  const fields = parseFields(flags.fields);
  const { op, init } = await listRequest(ctx, name, flags);
  let client: CliClient | undefined;
  const progress = createProgress(ctx, op.alias, () => client?.limiter);
  client = ctx.createClient({ onAttempt: (e) => progress.attempt(e) });
  const sink: Sink = flags.output ? fileSink(flags.output) : stdoutSink(ctx.stdout as NodeJS.WritableStream & import("node:stream").Writable);
  const writer = writerFor(format, sink, fields);
  // without --all or --max-items: the first page, as a quick look
  const limits = maxItems !== undefined ? { maxItems } : flags.all ? {} : { maxPages: 1 };
  const paginator = client.paginate(op.path, init, { ...limits, signal: ctx.signal });
  let ok = false;
  try {
    for await (const item of paginator) {
      await writer.write(item);
      progress.update(paginator.stats.items, paginator.stats.total);
    }
    await writer.end();
    await sink.commit();
    ok = true;
  } finally {
    progress.stop();
    if (!ok) await sink.abort();
    client.close();
  }
  const { items, requests, total } = paginator.stats;
  // peak RSS is what a memory budget for a large export is checked against (bench/cli-export.ts)
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  ctx.debug(`[${ctx.api.name}] ${items} items in ${requests} requests${total !== null ? ` (total ${total})` : ""}, peak RSS ${rssMb} MB`);
  if (!flags.all && maxItems === undefined && total !== null && total > items) ctx.info(`${items} of ${total} items (one page); pass --all for every item.`);
  if (flags.output) ctx.info(`wrote ${items} items to ${flags.output}`);
  return EXIT.ok;
}
