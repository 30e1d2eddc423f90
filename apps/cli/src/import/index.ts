// `apiforge <api> import <operationId> <file>`: validate every row, then send them at the API's
// limit with a journal that makes the import resumable after Ctrl-C, a crash or kill -9.
// Composition only: rows.ts reads, prepare.ts maps and validates, units.ts groups, send.ts sends,
// journal.ts and rejects.ts record. docs/import.md describes the guarantees.
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { CliError, type CommandContext, EXIT, UsageError } from "../context.js";
import { createProgress } from "../progress.js";
import type { CliClient } from "../registry.js";
import { openJournal } from "./open-journal.js";
import { type BadRow, type PreparedRow, rowPreparer } from "./prepare.js";
import { RejectsFile } from "./rejects.js";
import { rowTarget } from "./request-schema.js";
import { formatOf, readRows } from "./rows.js";
import { bodyOf, type KeyHeader, pathOf, unitSender } from "./send.js";
import { type Unit, unitsOf } from "./units.js";

/** What `import` was asked to do. */
export interface ImportOptions {
  operationId: string;
  /** A `.csv` (header row, dotted names for nested fields) or `.ndjson`/`.jsonl` file. */
  file: string;
  /** Journal of an earlier run to continue. Without it a new journal is started at `<file>.import-state`. */
  resume?: string;
  /** Validate, then print what would be sent (one JSON line per request) and send nothing. */
  dryRun: boolean;
  /** Requests in flight at once (the limiter still paces them). */
  concurrency: number;
  /** Send the valid rows even when some are invalid (those are listed and skipped). */
  skipInvalid: boolean;
  /** Where refused rows go. @default `<file>.rejects.ndjson` */
  rejects?: string;
  /** Path parameters shared by every row (`--param id=…`); a column of the same name wins. */
  params?: Record<string, string>;
  /**
   * Header to send each request's idempotency key in when the spec declares none for the operation
   * but the API honours one (`--idempotency-header Idempotency-Key`). A declared header is always used.
   */
  idempotencyHeader?: string;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function operationOf(ctx: CommandContext, operationId: string) {
  const ops = ctx.api.meta.operations;
  const norm = (s: string) => s.replace(/[^a-z0-9]/gi, "").toLowerCase();
  const id = operationId in ops ? operationId : Object.keys(ops).find((k) => norm(k) === norm(operationId));
  if (!id) throw new UsageError(`${ctx.api.name} has no operation ${operationId}.`, `\`apiforge ${ctx.api.name} --help\` lists its operations.`);
  return { id, op: ops[id]! };
}

/** Runs an import; returns the exit code (0 done, 2 invalid input, 3 rows refused or stopped early, 130 interrupted). */
export async function runImport(ctx: CommandContext, opts: ImportOptions): Promise<number> {
  const { id, op } = operationOf(ctx, opts.operationId);
  const format = formatOf(opts.file);
  if (!format) throw new UsageError(`Cannot tell the format of ${opts.file} from its name.`, "Name it *.csv (with a header row) or *.ndjson / *.jsonl (one JSON object per line).");
  if (!existsSync(opts.file)) throw new UsageError(`${opts.file} does not exist.`);
  if (!Number.isInteger(opts.concurrency) || opts.concurrency < 1) throw new UsageError(`--concurrency must be a whole number ≥ 1, got ${opts.concurrency}.`);
  const doc = ctx.api.loadSpec();
  const target = rowTarget(doc, id, op);
  const prepare = rowPreparer(doc, target, format, opts.params ?? {});

  // pass 1: every row is checked before anything is sent
  const bad: BadRow[] = [];
  let total = 0;
  for await (const row of readRows(opts.file, format)) {
    total++;
    const prepared = prepare(row);
    if (!prepared.ok) bad.push(prepared);
  }
  const problems = bad.flatMap((b) => b.problems.map((p) => `line ${b.line}: ${p}`));
  if (bad.length && !opts.skipInvalid) {
    throw new UsageError(`${bad.length} of ${total} rows of ${opts.file} do not match the ${id} request schema; nothing was sent.`, "Correct those rows, or pass --skip-invalid to send only the valid ones.", problems);
  }
  for (const p of problems) ctx.info(`skipped: ${p}`);
  const invalid = new Set(bad.map((b) => b.index));

  async function* validRows(settled: Set<number>): AsyncGenerator<PreparedRow> {
    for await (const row of readRows(opts.file, format!)) {
      if (invalid.has(row.index) || settled.has(row.index)) continue;
      const prepared = prepare(row);
      if (prepared.ok) yield prepared;
    }
  }
  const chunkSize = op.bulk?.maxItems ?? 1;

  if (opts.dryRun) {
    for await (const unit of unitsOf(validRows(new Set()), { chunkSize, inFlight: [], nextUnit: 0 })) {
      ctx.stdout.write(`${JSON.stringify({ lines: unit.rows.map((r) => r.line), method: op.method.toUpperCase(), path: pathOf(op, unit), body: bodyOf(op, unit) })}\n`);
    }
    ctx.info(`dry run: ${total - bad.length} rows valid${bad.length ? `, ${bad.length} skipped` : ""}; nothing was sent.`);
    return EXIT.ok;
  }

  let keyHeader: KeyHeader = op.idempotencyHeader
    ? { declared: true, name: op.idempotencyHeader }
    : opts.idempotencyHeader
      ? { declared: false, name: opts.idempotencyHeader }
      : undefined;
  const sha256 = await sha256Of(opts.file);
  const { journal, state } = openJournal(ctx, id, opts, sha256, total, keyHeader?.name);
  // a resume without the flag keeps the header the import started with: the keys in flight must match
  if (!keyHeader && state.header.idempotencyHeader) keyHeader = { declared: false, name: state.header.idempotencyHeader };
  const resumeHint = `apiforge ${ctx.api.name} import ${id} ${opts.file} --resume ${journal.file}`;
  if (state.finished) {
    journal.close();
    ctx.info(`${journal.file} says every row was already settled (${state.acked} written, ${state.rejected} refused); nothing to do.`);
    return state.rejected ? EXIT.partial : EXIT.ok;
  }
  if (!keyHeader) ctx.debug(`${id} declares no idempotency header: a row in flight when the import stops is sent again on resume (at-least-once for that row).`);
  if (state.inFlight.length) ctx.info(`resuming: ${state.acked} rows written before, ${state.inFlight.length} request(s) in flight are sent again${keyHeader ? ` with their ${keyHeader.name}` : ""}.`);

  const rejects = new RejectsFile(opts.rejects ?? `${opts.file}.rejects.ndjson`);
  // progress (stderr, TTY only): rows settled of the valid rows, rate, ETA, rate-limit budget, retries
  let client: CliClient | undefined;
  const progress = createProgress(ctx, `import ${id}`, () => client?.limiter);
  client = ctx.createClient({ onAttempt: (event) => progress.attempt(event) });
  const send = unitSender(client, op, keyHeader);
  const tally = { acked: state.acked, rejected: state.rejected, stop: undefined as Error | undefined };
  const valid = total - bad.length;
  const units = unitsOf(validRows(state.settled), { chunkSize, inFlight: state.inFlight, nextUnit: state.nextUnit });

  const worker = async () => {
    // Ctrl-C or a stopping failure: take no new unit; the one in hand is finished and journaled
    while (!ctx.signal.aborted && !tally.stop) {
      const next = await units.next();
      if (next.done) return;
      await settle(next.value);
    }
  };
  const settle = async (unit: Unit) => {
    if (!unit.resent) await journal.send(unit.unit, unit.rows.map((r) => r.index), unit.key);
    else if (!keyHeader) ctx.info(`line ${unit.rows.map((r) => r.line).join(", ")}: sent again (in flight when the import stopped); ${id} has no idempotency key, so if the server had written it, it is written twice: check it.`);
    const outcome = await send(unit);
    if (outcome.kind === "ack") {
      await journal.ack(unit.unit, outcome.status);
      tally.acked += unit.rows.length;
    } else if (outcome.kind === "reject") {
      rejects.write(unit.rows, outcome.status, ctx.redact(outcome.message), outcome.body, outcome.requestId);
      await journal.reject(unit.unit, outcome.status);
      tally.rejected += unit.rows.length;
    } else tally.stop ??= outcome.error;
    progress.update(tally.acked + tally.rejected, valid);
  };

  try {
    // allSettled: a worker that throws must not leave the others writing to a closed journal
    const failed = (await Promise.allSettled(Array.from({ length: opts.concurrency }, worker))).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    if (!ctx.signal.aborted && !tally.stop) await journal.done();
  } catch (error) {
    throw error instanceof CliError ? error : new CliError((error as Error).message, `Resume with: ${resumeHint}`, EXIT.partial);
  } finally {
    progress.stop();
    journal.close();
    rejects.close();
    client.close();
  }

  const summary = `${tally.acked} of ${total} rows written${tally.rejected ? `, ${tally.rejected} refused (see ${rejects.file})` : ""}${bad.length ? `, ${bad.length} invalid skipped` : ""}.`;
  if (tally.stop) {
    ctx.stderr.write(`${ctx.redact(`apiforge: import stopped: ${tally.stop.message}\n${summary}\nResume with: ${resumeHint}`)}\n`);
    return EXIT.partial;
  }
  if (ctx.signal.aborted) {
    ctx.stderr.write(`${ctx.redact(`apiforge: import interrupted; ${summary}\nResume with: ${resumeHint}`)}\n`);
    return EXIT.interrupted;
  }
  ctx.info(summary);
  if (tally.rejected) {
    // the rejected rows are settled in the journal: resuming sends nothing twice, fixing them is a new import
    ctx.stderr.write(`${ctx.redact(`Refused rows are in ${rejects.file} with the server's error; their "body" fields are the rows as sent: fix them and import that file.\nThe journal is ${journal.file}; resuming (${resumeHint}) sends nothing already written.`)}\n`);
    return EXIT.partial;
  }
  return EXIT.ok;
}
