// One strategy module per pagination style; the operation's meta picks it.
import type { PaginationMeta, PaginationStyle } from "../api-meta.js";
import { bodyStartSizeStrategy } from "./body-start-size.js";
import { cursorStrategy } from "./cursor.js";
import { PaginationError } from "./errors.js";
import { linkHeaderStrategy } from "./link-header.js";
import { linksNextStrategy } from "./links-next.js";
import type { ListStrategy, StrategyFactory } from "./list.js";
import { nextUrlStrategy } from "./next-url.js";
import { offsetLimitStrategy } from "./offset-limit.js";
import { pageCountStrategy } from "./page-count.js";
import { pageNumberListStrategy } from "./page-number.js";
import { pagePerPageStrategy } from "./page-per-page.js";

/** Every style the runtime implements, by name. */
export const STRATEGIES: Readonly<Record<PaginationStyle, StrategyFactory>> = {
  "page-number": pageNumberListStrategy,
  "page-count": pageCountStrategy,
  "links-next": linksNextStrategy,
  "body-start-size": bodyStartSizeStrategy,
  "page-per-page": pagePerPageStrategy,
  cursor: cursorStrategy,
  "offset-limit": offsetLimitStrategy,
  "next-url": nextUrlStrategy,
  "link-header": linkHeaderStrategy,
};

/** The strategy for an operation's pagination meta; an unknown style is a clear error. */
export function strategyFor<TItem = unknown, TBody = unknown>(pagination: PaginationMeta): ListStrategy<TItem, TBody> {
  const factory = Object.hasOwn(STRATEGIES, pagination.style) ? STRATEGIES[pagination.style] : undefined;
  if (!factory) {
    throw new PaginationError(`Unknown pagination style "${String(pagination.style)}". Known styles: ${Object.keys(STRATEGIES).join(", ")}; fix x-apiforge-pagination in the spec's overlay.`);
  }
  return factory<TItem, TBody>(pagination);
}
