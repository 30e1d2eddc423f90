// The two hooks every pagination style reduces to (DESIGN.md §9): where the items of a page are,
// and which request comes next. The engine in paginator.ts knows nothing else about the API.

/** A key that identifies an item across pages (its `id`), used to drop duplicates. */
export type ItemKey = string | number;

/** How one pagination style reads a page and asks for the next one. */
export interface PageStrategy<TRequest, TPage, TItem> {
  /** The items a page carries, in server order. Throw when the page does not have them. */
  items(page: TPage): readonly TItem[];
  /**
   * The request for the page after `page` (fetched with `request`), or `null` when the listing is
   * complete. Must decide from the page alone: the engine never makes a request to find out.
   */
  nextRequest(page: TPage, request: TRequest): TRequest | null;
  /** The total item count the server reports on this page, if it reports one. */
  total?(page: TPage): number | undefined;
}

/** Fetches one page. Errors it throws reach the caller unchanged (they are the transport's). */
export type FetchPage<TRequest, TPage> = (request: TRequest, signal: AbortSignal | undefined) => Promise<TPage>;

/** The only logger method the engine uses. */
export interface PaginationLogger {
  warn(message: string, details: PaginationWarning): void;
}

/** What the engine warns about, as data: the reported total changed during the listing. */
export interface PaginationWarning {
  kind: "total-changed";
  previousTotal: number;
  total: number;
}

/**
 * Where a listing stands, as plain JSON: store it (e.g. `JSON.stringify`) and pass it back as
 * `resumeFrom` to continue with the first item not yet delivered.
 */
export interface PaginationCheckpoint<TRequest> {
  version: 1;
  /**
   * The request whose page is not yet fully delivered, or `null` when the listing is complete
   * (absent when taken before the listing started: resuming from it starts at the first page).
   */
  next: TRequest | null;
  /** Items of `next`'s page already delivered (positions, counted before de-duplication). */
  skip: number;
  /** Keys delivered from the most recent pages, so a resumed listing still drops duplicates. */
  recentKeys: ItemKey[];
  /** Items delivered so far, over every run. */
  items: number;
  /** Pages fetched so far, over every run. */
  pages: number;
  /** Duplicate items dropped so far, over every run. */
  duplicatesDropped: number;
  /** The last total the server reported, or `null` if it never reported one. */
  total: number | null;
}

/** One fetched page: its items after de-duplication and the raw page (envelope) as received. */
export interface Page<TItem, TPage, TRequest> {
  items: TItem[];
  page: TPage;
  request: TRequest;
  /** Items of this page dropped because an earlier page already delivered them. */
  duplicates: number;
}

/** Counters of one paginator, for logs and assertions. */
export interface PaginationStats {
  /** Page requests this paginator made (not counting earlier runs before a resume). */
  requests: number;
  /** Items delivered, over every run. */
  items: number;
  /** Duplicates dropped, over every run. */
  duplicatesDropped: number;
  /** Last total the server reported, or `null`. */
  total: number | null;
  /** Whether the reported total changed while listing (items were inserted or deleted). */
  totalChanged: boolean;
}

/** Options of {@link createPaginator}. */
export interface PaginatorOptions<TRequest, TPage, TItem> {
  /** Reads items and the next request from a page. */
  strategy: PageStrategy<TRequest, TPage, TItem>;
  /** Fetches one page (through the transport, so pacing and retries apply). */
  fetchPage: FetchPage<TRequest, TPage>;
  /** The first request. Ignored when `resumeFrom` is given. */
  first: TRequest;
  /** A checkpoint from an earlier paginator: continue where it stopped. */
  resumeFrom?: PaginationCheckpoint<TRequest>;
  /** Identity of an item across pages; items without a key are never treated as duplicates. @default no de-duplication */
  key?: (item: TItem) => ItemKey | undefined;
  /** Stop after delivering this many items (this run); no request is made past it. @default unlimited */
  maxItems?: number;
  /** Stop after fetching this many pages (this run). @default unlimited */
  maxPages?: number;
  /** Aborting stops the listing at once: the pending request is cancelled and iteration rejects. */
  signal?: AbortSignal;
  /** Receives one warning if the reported total changes during the listing. @default silent */
  logger?: PaginationLogger;
  /**
   * Pages whose keys are remembered to drop duplicates. An insert before the current position
   * shifts items forward, so the last items of a page come back at the start of the next one;
   * one page covers shifts of up to a page size. Memory stays bounded by window × page size.
   * @default 2
   */
  dedupeWindowPages?: number;
}

/** A cursor over a paginated listing: `for await` yields items; `pages()` yields whole pages. */
export interface Paginator<TItem, TPage, TRequest> extends AsyncIterable<TItem> {
  /** Iterates page by page (items de-duplicated, trimmed to `maxItems`), envelope included. */
  pages(): AsyncIterableIterator<Page<TItem, TPage, TRequest>>;
  /** Collects the remaining items into an array (obeying `maxItems`, `maxPages`, `signal`). */
  toArray(): Promise<TItem[]>;
  /** Where the listing stands now, as JSON-serialisable data (see `resumeFrom`). */
  readonly checkpoint: PaginationCheckpoint<TRequest>;
  /** Requests made, items delivered, duplicates dropped, total changes. */
  readonly stats: PaginationStats;
}
