// client.bulk.<operationId>(init, entries, options?): writes of any size for each operation the meta
// marks as bulk (an array body, or an array field of it, with `maxItems`). Chunks of at most that
// many entries go one after another through the client (pacing and retries apply); on a failure
// the result holds what was written and the entries to resume with.
import type { Client } from "openapi-fetch";
import type { ApiMeta } from "../api-meta.js";
import type { ChunkedWriteResult } from "../chunk.js";
import { errorForResponse } from "../result.js";
import type { BulkEntry, BulkInit, BulkOperationId, BulkResponse } from "./types.js";

/** Options of a bulk helper. */
export interface BulkOptions {
  /** Entries per request, at most the spec's `maxItems`. @default the spec's `maxItems` */
  chunkSize?: number;
  /** Aborting stops before the next chunk and cancels the one in flight. */
  signal?: AbortSignal;
}

/** A helper per bulk operation, keyed by its operationId. */
export type BulkHelpers<Paths, M extends ApiMeta> = {
  [K in BulkOperationId<M>]: (init: BulkInit<Paths, M, K>, entries: readonly BulkEntry<Paths, M, K>[], options?: BulkOptions) => Promise<ChunkedWriteResult<BulkEntry<Paths, M, K>, BulkResponse<Paths, M, K>>>;
};

type Send = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Builds `client.bulk`. */
export function createBulk<Paths, M extends ApiMeta>(meta: M, client: Client<any>): BulkHelpers<Paths, M> {
  const helpers: Record<string, unknown> = {};
  for (const [operationId, op] of Object.entries(meta.operations)) {
    const spec = op.bulk;
    if (!spec) continue;
    const send = client[op.method.toUpperCase() as "POST"] as unknown as Send;
    helpers[operationId] = async (init: { body?: object }, entries: readonly unknown[], options: BulkOptions = {}) => {
      // the chunking engine loads with the first bulk call: a bundle that never writes in bulk skips it
      const { ChunkError, writeInChunks } = await import("../chunk.js");
      const chunkSize = options.chunkSize ?? spec.maxItems;
      if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > spec.maxItems) {
        throw new ChunkError(`chunkSize must be an integer from 1 to ${spec.maxItems} (the spec's maxItems for ${operationId}), got ${String(chunkSize)}.`);
      }
      return writeInChunks({
        entries,
        maxItems: chunkSize,
        ...(options.signal && { signal: options.signal }),
        send: async (chunk, { signal }) => {
          const body = spec.field ? { ...init.body, [spec.field]: chunk } : chunk;
          const result = await send(op.path, { ...init, body, signal });
          if (!result.response.ok) throw errorForResponse(result.response, result.error);
          return result.data;
        },
      });
    };
  }
  return helpers as BulkHelpers<Paths, M>;
}
