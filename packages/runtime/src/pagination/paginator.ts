// The pagination engine: one cursor over any PageStrategy. It fetches a page only when the caller
// asks for more, drops items seen on recent pages, obeys maxItems/maxPages/abort before every
// request, and can describe where it stands as a JSON checkpoint.
import { abortError, PaginationError } from "./errors.js";
import type { ItemKey, Page, PaginationCheckpoint, PaginationStats, Paginator, PaginatorOptions } from "./types.js";

interface Entry<TItem> {
  item: TItem;
  index: number;
  key: ItemKey | undefined;
}

interface Loaded<TItem, TPage, TRequest> {
  page: TPage;
  request: TRequest;
  next: TRequest | null;
  entries: Entry<TItem>[];
  position: number;
  duplicates: number;
}

function checkLimit(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new PaginationError(`${name} must be a non-negative integer, got ${String(value)}.`);
  }
}

class Cursor<TItem, TPage, TRequest> implements Paginator<TItem, TPage, TRequest> {
  readonly #o: PaginatorOptions<TRequest, TPage, TItem>;
  #next: TRequest | null;
  #skip: number;
  #window: Set<ItemKey>[];
  #current = new Set<ItemKey>();
  #buffer: Loaded<TItem, TPage, TRequest> | undefined;
  #items: number;
  #pages: number;
  #duplicates: number;
  #total: number | null;
  #totalChanged = false;
  #requests = 0;
  #delivered = 0;
  #busy = false;

  constructor(o: PaginatorOptions<TRequest, TPage, TItem>) {
    checkLimit("maxItems", o.maxItems);
    checkLimit("maxPages", o.maxPages);
    checkLimit("dedupeWindowPages", o.dedupeWindowPages);
    this.#o = o;
    const cp = o.resumeFrom;
    if (cp && cp.version !== 1) throw new PaginationError(`Unknown checkpoint version ${String(cp.version)}; expected 1.`);
    // a checkpoint taken before a lazily loaded listing started has no `next`: start at `first`
    this.#next = cp && cp.next !== undefined ? cp.next : o.first;
    this.#skip = cp?.skip ?? 0;
    this.#window = cp?.recentKeys.length ? [new Set(cp.recentKeys)] : [];
    this.#items = cp?.items ?? 0;
    this.#pages = cp?.pages ?? 0;
    this.#duplicates = cp?.duplicatesDropped ?? 0;
    this.#total = cp?.total ?? null;
  }

  get checkpoint(): PaginationCheckpoint<TRequest> {
    const recentKeys = [...this.#window.flatMap((s) => [...s]), ...this.#current];
    return structuredClone({
      version: 1 as const, next: this.#next, skip: this.#skip, recentKeys, items: this.#items,
      pages: this.#pages, duplicatesDropped: this.#duplicates, total: this.#total,
    });
  }

  get stats(): PaginationStats {
    return { requests: this.#requests, items: this.#items, duplicatesDropped: this.#duplicates, total: this.#total, totalChanged: this.#totalChanged };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<TItem> {
    for (const loaded of this.#loop()) {
      const page = await loaded;
      if (!page) return;
      while (page.position < page.entries.length) {
        if (this.#itemsLeft() === 0) return;
        this.#throwIfAborted();
        const entry = page.entries[page.position]!;
        this.#deliver(page, entry);
        yield entry.item;
      }
    }
  }

  async *pages(): AsyncIterableIterator<Page<TItem, TPage, TRequest>> {
    for (const loaded of this.#loop()) {
      const page = await loaded;
      if (!page) return;
      const take = page.entries.slice(page.position, page.position + this.#itemsLeft());
      if (take.length === 0 && page.position < page.entries.length) return;
      for (const entry of take) this.#deliver(page, entry);
      yield { items: take.map((e) => e.item), page: page.page, request: page.request, duplicates: page.duplicates };
    }
  }

  async toArray(): Promise<TItem[]> {
    const out: TItem[] = [];
    for await (const item of this) out.push(item);
    return out;
  }

  // Yields one promise per page (buffered or freshly fetched) until there is nothing left to load.
  *#loop(): Generator<Promise<Loaded<TItem, TPage, TRequest> | undefined>> {
    if (this.#busy) throw new PaginationError("This paginator is already being iterated; use one loop at a time (or a second paginator).");
    this.#busy = true;
    try {
      for (;;) {
        if (this.#buffer && this.#buffer.position < this.#buffer.entries.length) yield Promise.resolve(this.#buffer);
        else yield this.#load();
        if (!this.#buffer) return;
      }
    } finally {
      this.#busy = false;
    }
  }

  #itemsLeft(): number {
    return this.#o.maxItems === undefined ? Infinity : Math.max(0, this.#o.maxItems - this.#delivered);
  }

  async #load(): Promise<Loaded<TItem, TPage, TRequest> | undefined> {
    this.#buffer = undefined;
    const request = this.#next;
    if (request === null || this.#itemsLeft() === 0) return undefined;
    if (this.#o.maxPages !== undefined && this.#requests >= this.#o.maxPages) return undefined;
    this.#throwIfAborted();
    this.#requests++;
    const page = await this.#o.fetchPage(request, this.#o.signal);
    this.#throwIfAborted();
    this.#pages++;
    const { strategy } = this.#o;
    this.#noteTotal(strategy.total?.(page));
    const loaded = this.#filter(page, request, strategy.items(page), strategy.nextRequest(page, request));
    this.#buffer = loaded;
    if (loaded.entries.length === 0) this.#finishPage(loaded);
    return loaded;
  }

  #filter(page: TPage, request: TRequest, raw: readonly TItem[], next: TRequest | null): Loaded<TItem, TPage, TRequest> {
    const inPage = new Set<ItemKey>();
    const entries: Entry<TItem>[] = [];
    let duplicates = 0;
    for (let index = this.#skip; index < raw.length; index++) {
      const item = raw[index]!;
      const key = this.#o.key?.(item);
      if (key !== undefined && (inPage.has(key) || this.#current.has(key) || this.#window.some((s) => s.has(key)))) {
        duplicates++;
        continue;
      }
      if (key !== undefined) inPage.add(key);
      entries.push({ item, index, key });
    }
    this.#duplicates += duplicates;
    return { page, request, next, entries, position: 0, duplicates };
  }

  #deliver(page: Loaded<TItem, TPage, TRequest>, entry: Entry<TItem>): void {
    page.position++;
    this.#items++;
    this.#delivered++;
    this.#skip = entry.index + 1;
    if (entry.key !== undefined) this.#current.add(entry.key);
    if (page.position === page.entries.length) this.#finishPage(page);
  }

  // The page is fully delivered: the checkpoint moves to the next request.
  #finishPage(page: Loaded<TItem, TPage, TRequest>): void {
    this.#next = page.next;
    this.#skip = 0;
    this.#window.push(this.#current);
    this.#current = new Set();
    const keep = this.#o.dedupeWindowPages ?? 2;
    while (this.#window.length > keep) this.#window.shift();
  }

  #noteTotal(total: number | undefined): void {
    if (total === undefined) return;
    if (this.#total !== null && total !== this.#total && !this.#totalChanged) {
      this.#totalChanged = true;
      this.#o.logger?.warn(
        `The reported total changed from ${this.#total} to ${total} during the listing: items were added or removed meanwhile. Duplicates caused by inserts are dropped; items removed meanwhile can shift past the cursor and be missed.`,
        { kind: "total-changed", previousTotal: this.#total, total },
      );
    }
    this.#total = total;
  }

  #throwIfAborted(): void {
    const signal = this.#o.signal;
    if (signal?.aborted) throw abortError(signal);
  }
}

/** Creates a lazy paginator: nothing is fetched until it is iterated. */
export function createPaginator<TRequest, TPage, TItem>(options: PaginatorOptions<TRequest, TPage, TItem>): Paginator<TItem, TPage, TRequest> {
  return new Cursor(options);
}
