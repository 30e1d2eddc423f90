// The import's checkpoint: an append-only journal, one JSON line per event, fdatasync'd before the
// call returns. Why a journal rather than a state file replaced by rename: with --concurrency the
// acknowledgements arrive out of order, so the state is a set of rows, and rewriting it on every
// ack costs O(rows) per write; an append is O(1) and one fsync. Events:
//   import  header: the API, operation, input file and its sha256 (a changed file is refused on resume)
//   send    a unit (one row, or a bulk chunk) is about to go out, with its idempotency key:
//           written and synced BEFORE the request, so a crash leaves it "in flight" and a resume
//           re-sends exactly those rows with the same key
//   ack     the server acknowledged the unit (2xx)
//   reject  the server refused the unit (4xx); its rows are in the rejects file
//   done    every row was settled
// A crash can tear only the last line; it is dropped (and cut off) when the journal is reopened.
// Syncs are shared (group commit): with --concurrency N, lines written while a sync runs are made
// durable together by the next one, so N workers do not queue behind N separate syncs.
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const fdatasyncAsync = promisify(fdatasync);

/** The first line of a journal. */
export interface JournalHeader {
  t: "import";
  v: 1;
  api: string;
  operationId: string;
  /** Absolute path of the input file when the import started. */
  file: string;
  sha256: string;
  rows: number;
  /** Header the keys are sent in, when there is one. */
  idempotencyHeader?: string;
  createdAt: string;
}

type Entry =
  | JournalHeader
  | { t: "send"; unit: number; rows: number[]; key: string }
  | { t: "ack"; unit: number; status: number }
  | { t: "reject"; unit: number; status: number }
  | { t: "done" };

/** A unit that was sent (or about to be) with no answer recorded. */
export interface InFlightUnit {
  unit: number;
  rows: number[];
  key: string;
}

/** What a journal says has happened. */
export interface JournalState {
  header: JournalHeader;
  /** Rows acknowledged or rejected: never sent again. */
  settled: Set<number>;
  acked: number;
  rejected: number;
  inFlight: InFlightUnit[];
  nextUnit: number;
  finished: boolean;
}

/** A journal that cannot be used, with the reason. */
export class JournalError extends Error {
  override name = "JournalError";
}

function syncDir(file: string): void {
  // the new file's directory entry must survive a power cut too
  const fd = openSync(path.dirname(path.resolve(file)), "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** An open journal; every method resolves once its line is on disk. */
export class Journal {
  /** Lines written, and how many of them a finished sync covers. */
  private written = 0;
  private synced = 0;
  private syncing: Promise<void> | undefined;

  private constructor(
    readonly file: string,
    private readonly fd: number,
  ) {}

  /** Starts a new journal; refuses to overwrite one. */
  static create(file: string, header: JournalHeader): Journal {
    let fd: number;
    try {
      fd = openSync(file, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new JournalError(`${file} already exists: an import of this file was started before.`);
      throw new JournalError(`Cannot create the journal ${file}: ${(error as Error).message}`);
    }
    writeSync(fd, `${JSON.stringify(header)}\n`);
    fdatasyncSync(fd);
    syncDir(file);
    return new Journal(file, fd);
  }

  /** Reopens a journal for appending and returns what it records. */
  static open(file: string): { journal: Journal; state: JournalState } {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new JournalError(`Cannot read the journal ${file}: ${(error as Error).message}`);
    }
    const end = text.lastIndexOf("\n") + 1;
    const state = replay(file, text.slice(0, end));
    // a torn last line (crash mid-write) is cut off so the next append starts on a fresh line
    if (end < text.length) truncateSync(file, Buffer.byteLength(text.slice(0, end)));
    return { journal: new Journal(file, openSync(file, "a")), state };
  }

  send(unit: number, rows: number[], key: string): Promise<void> {
    return this.append({ t: "send", unit, rows, key });
  }

  ack(unit: number, status: number): Promise<void> {
    return this.append({ t: "ack", unit, status });
  }

  reject(unit: number, status: number): Promise<void> {
    return this.append({ t: "reject", unit, status });
  }

  done(): Promise<void> {
    return this.append({ t: "done" });
  }

  close(): void {
    closeSync(this.fd);
  }

  private async append(entry: Entry): Promise<void> {
    // one write call per line, so lines never interleave; the line is durable once a sync started after it finishes
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    const mine = ++this.written;
    while (this.synced < mine) {
      if (!this.syncing) {
        const upTo = this.written;
        this.syncing = fdatasyncAsync(this.fd)
          .then(() => {
            this.synced = Math.max(this.synced, upTo);
          })
          .finally(() => {
            this.syncing = undefined;
          });
      }
      await this.syncing;
    }
  }
}

function replay(file: string, text: string): JournalState {
  const lines = text.split("\n").filter(Boolean);
  const entries = lines.map((line, i) => {
    try {
      return JSON.parse(line) as Entry;
    } catch {
      throw new JournalError(`${file} line ${i + 1} is not a journal entry; this is not an import journal, or it was edited.`);
    }
  });
  const header = entries[0];
  if (header?.t !== "import" || header.v !== 1) throw new JournalError(`${file} is not an apiforge import journal (no header line).`);
  const sent = new Map<number, InFlightUnit>();
  const state: JournalState = { header, settled: new Set(), acked: 0, rejected: 0, inFlight: [], nextUnit: 0, finished: false };
  for (const entry of entries.slice(1)) {
    if (entry.t === "send") {
      sent.set(entry.unit, { unit: entry.unit, rows: entry.rows, key: entry.key });
      state.nextUnit = Math.max(state.nextUnit, entry.unit + 1);
    } else if (entry.t === "ack" || entry.t === "reject") {
      const unit = sent.get(entry.unit);
      if (!unit) continue;
      sent.delete(entry.unit);
      for (const row of unit.rows) state.settled.add(row);
      if (entry.t === "ack") state.acked += unit.rows.length;
      else state.rejected += unit.rows.length;
    } else if (entry.t === "done") state.finished = true;
  }
  state.inFlight = [...sent.values()];
  return state;
}
