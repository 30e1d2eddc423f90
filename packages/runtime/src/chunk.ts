// Chunked writes: a bulk endpoint takes at most `maxItems` entries per request, callers have any
// number. Chunks go one after another, in order (so pacing applies and the server sees the
// caller's order); the first failure stops the run and hands back the part not yet written.
import { AbortError, ChunkError } from "./errors.js";

// ChunkError lives with the other errors, so re-exporting it (every SDK does) does not pull the
// chunking engine into a bundle that only imports the class
export { ChunkError };

/** Splits `entries` into consecutive arrays of at most `size` entries. */
export function chunk<T>(entries: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new ChunkError(`Chunk size must be a positive integer, got ${String(size)}.`);
  const out: T[][] = [];
  for (let i = 0; i < entries.length; i += size) out.push(entries.slice(i, i + size));
  return out;
}

/** Where a chunk sits in the whole write. */
export interface ChunkInfo {
  /** 0-based position of the chunk. */
  index: number;
  /** Position of the chunk's first entry in the caller's entries. */
  offset: number;
  /** Number of chunks in the run. */
  count: number;
  signal: AbortSignal | undefined;
}

/** Options of {@link writeInChunks}. */
export interface ChunkedWriteOptions<TEntry, TResult> {
  /** The entries to write, in the order they must reach the server. */
  entries: readonly TEntry[];
  /** Most entries one request may carry (the spec's `maxItems`). */
  maxItems: number;
  /** Writes one chunk; throw (e.g. the transport's typed error) to stop the run. */
  send(chunk: TEntry[], info: ChunkInfo): Promise<TResult>;
  /** Aborting stops before the next chunk; the chunk in flight gets the signal. */
  signal?: AbortSignal;
}

/** A chunk the server accepted. */
export interface ChunkDone<TEntry, TResult> {
  index: number;
  offset: number;
  entries: TEntry[];
  result: TResult;
}

/** Every chunk was written. */
export interface ChunkedWriteComplete<TEntry, TResult> {
  ok: true;
  done: ChunkDone<TEntry, TResult>[];
  /** Entries written. */
  written: number;
  remaining: [];
}

/** A chunk failed: what succeeded, and the entries to pass again to resume. */
export interface ChunkedWriteStopped<TEntry, TResult> {
  ok: false;
  done: ChunkDone<TEntry, TResult>[];
  written: number;
  /** The failed chunk's entries and every later entry, in order: resume with these. */
  remaining: TEntry[];
  /** Index of the chunk that failed (or was not started because of an abort). */
  failedChunk: number;
  /** Why it stopped: what `send` threw, or an AbortError (the signal's reason as `cause`). */
  error: unknown;
}

export type ChunkedWriteResult<TEntry, TResult> = ChunkedWriteComplete<TEntry, TResult> | ChunkedWriteStopped<TEntry, TResult>;

function abortReason(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  return reason instanceof AbortError ? reason : new AbortError("The chunked write was aborted by its AbortSignal.", { cause: reason });
}

/** Sends `entries` in chunks of at most `maxItems`, one request at a time, stopping at the first failure. */
export async function writeInChunks<TEntry, TResult>(options: ChunkedWriteOptions<TEntry, TResult>): Promise<ChunkedWriteResult<TEntry, TResult>> {
  const { entries, maxItems, send, signal } = options;
  const chunks = chunk(entries, maxItems);
  const done: ChunkDone<TEntry, TResult>[] = [];
  let written = 0;
  for (const [index, part] of chunks.entries()) {
    const offset = index * maxItems;
    const stop = (error: unknown): ChunkedWriteStopped<TEntry, TResult> => ({ ok: false, done, written, remaining: entries.slice(offset), failedChunk: index, error });
    if (signal?.aborted) return stop(abortReason(signal));
    try {
      const result = await send(part, { index, offset, count: chunks.length, signal });
      done.push({ index, offset, entries: part, result });
      written += part.length;
    } catch (error) {
      return stop(error);
    }
  }
  return { ok: true, done, written, remaining: [] };
}
