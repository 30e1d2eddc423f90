// Starts the journal of a new import, or reopens one for --resume after checking it belongs to this
// API, operation and input (by sha256: a changed file's rows no longer match the journal's).
import path from "node:path";
import { type CommandContext, UsageError } from "../context.js";
import type { ImportOptions } from "./index.js";
import { Journal, JournalError, type JournalHeader, type JournalState } from "./journal.js";

/** Default journal path of an import of `file`. */
export const journalPathFor = (file: string) => `${file}.import-state`;

/** The journal and what it records (empty for a new import). */
export function openJournal(ctx: CommandContext, operationId: string, opts: ImportOptions, sha256: string, rows: number, idempotencyHeader: string | undefined): { journal: Journal; state: JournalState } {
  const file = opts.resume ?? journalPathFor(opts.file);
  try {
    if (opts.resume) {
      const opened = Journal.open(file);
      const h = opened.state.header;
      const mismatch =
        h.api !== ctx.api.name || h.operationId !== operationId
          ? `it is an import of ${h.api} ${h.operationId}, not ${ctx.api.name} ${operationId}`
          : h.sha256 !== sha256
            ? `${opts.file} changed since the import started (its sha256 differs), so its rows no longer match the journal`
            : undefined;
      if (mismatch) {
        opened.journal.close();
        throw new UsageError(`Cannot resume from ${file}: ${mismatch}.`, `Resume with the input the import started from (${h.file}).`);
      }
      return opened;
    }
    const header: JournalHeader = { t: "import", v: 1, api: ctx.api.name, operationId, file: path.resolve(opts.file), sha256, rows, ...(idempotencyHeader && { idempotencyHeader }), createdAt: new Date().toISOString() };
    return { journal: Journal.create(file, header), state: { header, settled: new Set(), acked: 0, rejected: 0, inFlight: [], nextUnit: 0, finished: false } };
  } catch (error) {
    if (!(error instanceof JournalError)) throw error;
    const hint = opts.resume ? "Check the path given to --resume." : `Continue it with --resume ${file}, or delete ${file} to import the whole file again.`;
    throw new UsageError(error.message, hint);
  }
}
