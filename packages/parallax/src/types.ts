// Names the Parallax package has always exported, now aliases of the runtime's generic types.
import type * as rt from "@apiforge/runtime";
import type { BulkOperationId, meta, PaginatedPath } from "./generated/meta.js";
import type { paths } from "./generated/schema.js";

type M = typeof meta;
/** One item of a list operation, e.g. `PageItem<"/v1/roles">` is a Role. */
export type PageItem<P extends PaginatedPath> = rt.PageItem<paths, M, P>;
/** The page envelope a list operation returns (`{ count, total, page, total_pages, page_size, results }`). */
export type PageEnvelope<P extends PaginatedPath> = rt.PageBody<paths, M, P>;
/** A listing's position as JSON: pass it back as `resumeFrom` to continue at the next undelivered item. */
export type PaginationCheckpoint = rt.PaginationCheckpoint<rt.ListRequest>;
export type PaginateOptions<TItem = unknown> = rt.PaginateOptions<TItem, rt.ListRequest>;
export type ListInit<P extends PaginatedPath> = NonNullable<rt.PaginateArgs<paths, M, P>[0]>;
export type ParallaxEstimate = rt.ApiEstimate;
export type ParallaxPaginator<TItem, TEnvelope> = rt.ApiPaginator<TItem, TEnvelope>;
export type ParallaxLogger = rt.ApiClientLogger;
export type BulkEntry<K extends BulkOperationId> = rt.BulkEntry<paths, M, K>;
export type BulkInit<K extends BulkOperationId> = rt.BulkInit<paths, M, K>;
export type BulkResponse<K extends BulkOperationId> = rt.BulkResponse<paths, M, K>;
export type { BulkOperationId };
export type { BulkOptions } from "@apiforge/runtime";
