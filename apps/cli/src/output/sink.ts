// Where an export goes: stdout, or `--output FILE` written atomically (a temp sibling, fsynced and
// renamed over the file only when the export finished; an error or Ctrl-C leaves the old file).
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";

/** A byte destination that honours backpressure. */
export interface Sink {
  /** Resolves once the chunk is accepted (waits for 'drain' when the buffer is full). */
  write(chunk: string): Promise<void>;
  /** Finishes: flushes, fsyncs and renames a file into place. */
  commit(): Promise<void>;
  /** Gives up: removes the temp file (stdout: nothing). */
  abort(): Promise<void>;
  /** The stream, for libraries that pipe into it (csv-stringify). */
  readonly stream: Writable;
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("error", fail);
      resolve();
    };
    const fail = (e: Error) => {
      stream.off("drain", done);
      reject(e);
    };
    stream.once("drain", done);
    stream.once("error", fail);
  });
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await drained(stream);
}

/** stdout (never closed: other output may follow). */
export function stdoutSink(stream: Writable = process.stdout): Sink {
  return {
    stream,
    write: (chunk) => write(stream, chunk),
    commit: async () => {
      if (stream.writableNeedDrain) await drained(stream);
    },
    abort: async () => {},
  };
}

/** `file`, replaced atomically on commit. */
export function fileSink(file: string): Sink {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString("hex")}.tmp`);
  // flush: fsync before close, so the rename never exposes a file the disk has not got
  const stream = createWriteStream(tmp, { flags: "wx", flush: true });
  return {
    stream,
    write: (chunk) => write(stream, chunk),
    commit: async () => {
      stream.end();
      await finished(stream);
      await rename(tmp, target);
    },
    abort: async () => {
      stream.destroy();
      await rm(tmp, { force: true });
    },
  };
}
