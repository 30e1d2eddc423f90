// Type-level reading of an API's meta against its openapi-typescript `paths`: which paths
// paginate, what one item of a page is (the response type at `itemsPath`), what a bulk entry is.
// Everything is derived from the literal `meta` (`as const satisfies ApiMeta`), never typed by hand.
import type { FetchOptions, FetchResponse, HeadersOptions } from "openapi-fetch";
import type { ApiMeta, OperationMeta } from "../api-meta.js";

type Ops<M extends ApiMeta> = M["operations"];

/** operationIds whose meta has pagination. */
export type PaginatedOperationId<M extends ApiMeta> = { [K in keyof Ops<M>]: Ops<M>[K] extends { pagination: object } ? K : never }[keyof Ops<M>];
/** Paths of the list operations `paginate()` accepts. */
export type PaginatedPath<M extends ApiMeta> = Ops<M>[PaginatedOperationId<M>]["path"];
/** operationIds whose meta has a bulk (chunked write) description. */
export type BulkOperationId<M extends ApiMeta> = { [K in keyof Ops<M>]: Ops<M>[K] extends { bulk: object } ? K : never }[keyof Ops<M>] & string;

/** The paginated operation's meta for a path. */
export type PaginatedOperation<M extends ApiMeta, P> = Extract<Ops<M>[PaginatedOperationId<M>], { path: P }>;

/** The openapi-typescript operation object for a meta operation. */
export type OperationOf<Paths, O> = O extends OperationMeta
  ? O["path"] extends keyof Paths
    ? O["method"] extends keyof Paths[O["path"]]
      ? Paths[O["path"]][O["method"]]
      : never
    : never
  : never;

type Ok = 200 | 201 | 202 | 203 | 206 | "2XX";
/** The JSON body of an operation's success response, exactly as openapi-typescript declared it. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? { [S in keyof R & Ok]: R[S] extends { content: { "application/json": infer B } } ? B : never }[keyof R & Ok]
  : unknown;

/** The value at a dotted path of a type; "" is the type itself, a path the type lacks gives `unknown`. */
export type AtPath<T, P extends string> = P extends ""
  ? T
  : P extends `${infer Head}.${infer Rest}`
    ? Head extends keyof NonNullable<T>
      ? AtPath<NonNullable<T>[Head], Rest>
      : unknown
    : P extends keyof NonNullable<T>
      ? NonNullable<T>[P]
      : unknown;

type ItemsPathOf<O> = O extends { pagination: { itemsPath: infer I extends string } } ? I : "";

/** One item of a paginated operation's pages. */
export type PageItem<Paths, M extends ApiMeta, P> = NonNullable<AtPath<SuccessBody<OperationOf<Paths, PaginatedOperation<M, P>>>, ItemsPathOf<PaginatedOperation<M, P>>>> extends readonly (infer E)[]
  ? E
  : unknown;
/** The body of one page of a paginated operation. */
export type PageBody<Paths, M extends ApiMeta, P> = SuccessBody<OperationOf<Paths, PaginatedOperation<M, P>>>;

/** Parameter names the paginator owns for an operation (page, size, cursor, offset). */
export type PagingParams<O> = O extends { pagination: infer G }
  ? { [K in "pageParam" | "pageSizeParam" | "cursorParam" | "offsetParam"]: G extends { [Q in K]: infer V extends string } ? V : never }[
      "pageParam" | "pageSizeParam" | "cursorParam" | "offsetParam"
    ]
  : never;

type Parameters_<Op> = Op extends { parameters: infer P } ? P : { query?: never; path?: never };
type Query<Op> = Parameters_<Op> extends { query?: infer Q } ? NonNullable<Q> : never;
/** The JSON request body of an operation; `never` when it takes none (`requestBody?: never`). */
export type JsonBody<Op> = Op extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? never
    : NonNullable<R> extends { content: { "application/json": infer B } }
      ? B
      : never
  : never;
type Loose<T> = [T] extends [never] ? never : Omit<T, never>;

/** Path, query (without the paging parameters), header parameters and, for POST lists, the body (without them). */
export type ListInit<Op, K extends PropertyKey> = {
  params?: Omit<Parameters_<Op>, "query"> & { query?: [Query<Op>] extends [never] ? never : Omit<Query<Op>, K> };
  headers?: HeadersOptions;
} & ([JsonBody<Op>] extends [never] ? unknown : { body: Omit<Loose<JsonBody<Op>>, K> });

type RequiresInit<Op> = Parameters_<Op> extends { path: object } ? true : [JsonBody<Op>] extends [never] ? false : true;

/** Options of `paginate()` (the engine's, plus the page size). */
export interface PaginateOptions<TItem = unknown, TRequest = unknown> {
  /** Items per request. @default the spec's page-size maximum, else its default size */
  pageSize?: number;
  /** Stop after this many items; no request is made past them. @default unlimited */
  maxItems?: number;
  /** Stop after this many requests. @default unlimited */
  maxPages?: number;
  /** Continue an interrupted listing from its `checkpoint`. */
  resumeFrom?: import("../pagination/types.js").PaginationCheckpoint<TRequest>;
  /** Aborting cancels the request in flight and ends iteration with an error at once. */
  signal?: AbortSignal;
  /** Identity used to drop items seen on an earlier page. @default the item's `id` */
  key?: (item: TItem) => string | number | undefined;
}

/** `init` is required exactly when the operation has path parameters or a JSON body. */
export type PaginateArgs<Paths, M extends ApiMeta, P> = RequiresInit<OperationOf<Paths, PaginatedOperation<M, P>>> extends true
  ? [init: ListInit<OperationOf<Paths, PaginatedOperation<M, P>>, PagingParams<PaginatedOperation<M, P>>>, options?: PaginateOptions<PageItem<Paths, M, P>>]
  : [init?: ListInit<OperationOf<Paths, PaginatedOperation<M, P>>, PagingParams<PaginatedOperation<M, P>>>, options?: PaginateOptions<PageItem<Paths, M, P>>];

type BulkOp<M extends ApiMeta, K extends BulkOperationId<M>> = Ops<M>[K];
type BulkBody<Paths, M extends ApiMeta, K extends BulkOperationId<M>> = JsonBody<OperationOf<Paths, BulkOp<M, K>>>;

/** One entry of a bulk operation's body (the array, or the array under its `field`). */
export type BulkEntry<Paths, M extends ApiMeta, K extends BulkOperationId<M>> = BulkOp<M, K> extends { bulk: { field: infer F extends string } }
  ? BulkBody<Paths, M, K> extends { [P in F]?: readonly (infer E)[] | null }
    ? E
    : never
  : BulkBody<Paths, M, K> extends readonly (infer E)[]
    ? E
    : never;
/** What the server answers for one chunk. */
export type BulkResponse<Paths, M extends ApiMeta, K extends BulkOperationId<M>> = FetchResponse<OperationOf<Paths, BulkOp<M, K>> & Record<string, any>, object, "application/json">["data"];
/** Path and header parameters of a bulk operation (the body is built from the entries). */
export type BulkInit<Paths, M extends ApiMeta, K extends BulkOperationId<M>> = Omit<FetchOptions<OperationOf<Paths, BulkOp<M, K>> & Record<string, any>>, "body" | "signal" | "method">;
