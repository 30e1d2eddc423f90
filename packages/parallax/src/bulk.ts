// client.bulk.<operationId>(): bulk writes of any size. Each bulk operation in the spec (an array
// body with `maxItems`) gets a helper that sends chunks of at most that many entries, in order,
// through the client (so pacing and retries apply), and on a failure returns what was written
// plus the entries to resume with. The operations and their limits come from the generated meta.
import { ChunkError, type ChunkedWriteResult, type OperationMeta, writeInChunks } from "@apiforge/runtime";
import type { Client, FetchOptions, FetchResponse } from "openapi-fetch";
import { type BulkOperationId, meta } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";

/** operationIds of the spec's bulk operations, e.g. `CreateProjectOfferingRolePlans`. */
export type { BulkOperationId };
type Spec<K extends BulkOperationId> = (typeof meta.operations)[K];
type Operation<K extends BulkOperationId> = Spec<K>["path"] extends keyof paths
  ? Spec<K>["method"] extends keyof paths[Spec<K>["path"]]
    ? paths[Spec<K>["path"]][Spec<K>["method"]]
    : never
  : never;
type Body<K extends BulkOperationId> = NonNullable<FetchOptions<Operation<K>>["body"]>;

/** One entry of a bulk operation's body (e.g. `{ plan_date, hours }`). */
export type BulkEntry<K extends BulkOperationId> = Spec<K> extends { bulk: { field: infer F extends string } }
  ? Body<K> extends { [P in F]?: readonly (infer E)[] | null }
    ? E
    : never
  : Body<K> extends readonly (infer E)[]
    ? E
    : never;
/** What the server answers for one chunk. */
export type BulkResponse<K extends BulkOperationId> = FetchResponse<Operation<K>, object, "application/json">["data"];

/** Path and header parameters of a bulk operation (the body is built from the entries). */
export type BulkInit<K extends BulkOperationId> = Omit<FetchOptions<Operation<K>>, "body" | "signal" | "method">;

/** Options of a bulk helper. */
export interface BulkOptions {
  /** Entries per request, at most the spec's `maxItems`. @default the spec's `maxItems` (100 for planned time) */
  chunkSize?: number;
  /** Aborting stops before the next chunk and cancels the one in flight. @default none */
  signal?: AbortSignal;
}

/** A helper per bulk operation, keyed by its operationId. */
export type BulkHelpers = {
  [K in BulkOperationId]: (init: BulkInit<K>, entries: readonly BulkEntry<K>[], options?: BulkOptions) => Promise<ChunkedWriteResult<BulkEntry<K>, BulkResponse<K>>>;
};

/** What the bulk helpers need from the client. */
export interface BulkDeps {
  client: Client<paths>;
  unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T;
}

type Send = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Builds `client.bulk`. */
export function createBulk({ client, unwrap }: BulkDeps): BulkHelpers {
  const helpers: Record<string, unknown> = {};
  for (const [operationId, op] of Object.entries(meta.operations) as [string, OperationMeta][]) {
    if (!op.bulk) continue;
    const spec = { method: op.method, path: op.path, ...op.bulk };
    const send = client[spec.method.toUpperCase() as "POST"] as unknown as Send;
    helpers[operationId] = async (init: { body?: object }, entries: readonly unknown[], options: BulkOptions = {}) => {
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
          return unwrap(await send(spec.path, { ...init, body, signal }));
        },
      });
    };
  }
  return helpers as BulkHelpers;
}
