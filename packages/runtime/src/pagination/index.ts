export { PaginationError } from "./errors.js";
export { type EstimateInput, estimatePagination, type PaginationEstimate } from "./estimate.js";
export { type PageNumberConfig, type PageNumberRequest, type PageNumberStrategy, pageNumberStrategy } from "./page-number.js";
export { createPaginator } from "./paginator.js";
export type { FetchPage, ItemKey, Page, PageStrategy, PaginationCheckpoint, PaginationLogger, PaginationStats, PaginationWarning, Paginator, PaginatorOptions } from "./types.js";
