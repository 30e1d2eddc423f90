// Pagination per operation: an operation's `x-apiforge-pagination` wins, then the root default
// (`x-apiforge-pagination`, or the legacy `x-pagination`) where the operation fits it, then
// detection from the parameters and response the spec declares. Only GET operations are detected;
// a POST pages only when its own extension says so (Sage's query service).
import type { PaginationMeta, PaginationStyle } from "../../../packages/runtime/src/api-meta.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { compact, expectObject, invalid, onlyKeys, optEnum, optNumber, optString, type Where } from "./extension.ts";
import { deref, isArray, isBoolean, isInteger, isString, jsonSchema, type Obj, paramsIn, properties, schemaAt, successResponse } from "./schema.ts";

export const PAGINATION_STYLES: readonly PaginationStyle[] = [
  "page-number",
  "page-count",
  "links-next",
  "body-start-size",
  "page-per-page",
  "cursor",
  "offset-limit",
  "next-url",
  "link-header",
];

/** One operation, as the pagination reader sees it. */
export interface OperationRef {
  method: string;
  path: string;
  pathItem: Obj;
  op: Obj;
}

const FIELDS = ["style", "itemsPath", "paramsIn", "pageParam", "pageSizeParam", "firstPage", "cursorParam", "cursorField", "offsetParam", "totalPath", "totalPagesPath", "currentPagePath", "nextPath", "hasMorePath", "maxPageSize", "defaultPageSize"] as const;
// the legacy root `x-pagination` (Parallax) spells three of them differently
const LEGACY: Record<string, string> = { itemsField: "itemsPath", totalField: "totalPath", totalPagesField: "totalPagesPath" };
const STRING_FIELDS = ["itemsPath", "pageParam", "pageSizeParam", "cursorParam", "cursorField", "offsetParam", "totalPath", "totalPagesPath", "currentPagePath", "nextPath", "hasMorePath"] as const;

/** A pagination extension as written; `false` on an operation says "does not paginate". */
export function readPaginationExtension(raw: unknown, where: Where): Partial<PaginationMeta> | false {
  if (raw === false) return false;
  const value = { ...expectObject(raw, where) };
  for (const [old, now] of Object.entries(LEGACY)) {
    if (old in value) {
      value[now] ??= value[old];
      delete value[old];
    }
  }
  onlyKeys(value, FIELDS, where);
  const out: Partial<PaginationMeta> = {};
  const style = optEnum(value, "style", PAGINATION_STYLES, where);
  if (style) out.style = style;
  for (const key of STRING_FIELDS) {
    const v = optString(value, key, where);
    if (v !== undefined) out[key] = v;
  }
  const paramsWhere = optEnum(value, "paramsIn", ["query", "body"] as const, where);
  if (paramsWhere) out.paramsIn = paramsWhere;
  for (const key of ["firstPage", "maxPageSize", "defaultPageSize"] as const) {
    const v = optNumber(value, key, where);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

// Conventional names, most specific first.
const PAGE_PARAMS = ["page", "page_number", "pageNumber", "page[number]"];
const SIZE_PARAMS = ["page_size", "per_page", "pageSize", "perPage", "limit", "size", "page[size]", "max_results", "maxResults"];
const OFFSET_PARAMS = ["offset", "skip"];
const CURSOR_PARAMS = ["starting_after"];
const ITEM_FIELDS = ["data", "items", "results", "records", "entries", "values", "list", "content"];
const TOTAL_FIELDS = ["total", "total_count", "totalCount", "total_results", "totalResults", "total_entries", "totalItems", "count"];
const TOTAL_PAGES_FIELDS = ["total_pages", "totalPages", "num_pages", "last_page", "lastPage"];
const PAGE_COUNT_FIELDS = ["page_count", "pageCount"];
const NEXT_URL_FIELDS = ["next_page_url", "nextPageUrl", "next_url", "nextUrl", "next", "nextLink"];
const HAS_MORE_FIELDS = ["has_more", "hasMore"];
// envelopes that hold the counts or links beside the items
const CONTAINERS = ["", "meta", "pagination", "paging", "page_info", "pageInfo", "links"];

/** The dotted path of the first field named in `names` that `test` accepts, looked up in the containers. */
function findField(doc: OpenApiDoc, body: Obj, names: readonly string[], test: (s: Obj) => boolean): string | undefined {
  for (const container of CONTAINERS) {
    const holder = schemaAt(doc, body, container);
    if (!holder) continue;
    const props = properties(doc, holder);
    const name = names.find((n) => props[n] && test(props[n]!));
    if (name) return container ? `${container}.${name}` : name;
  }
  return undefined;
}

/** Where the items are: "" for a bare array, else the one array field (or a conventional one among several). */
export function detectItemsPath(doc: OpenApiDoc, body: Obj | undefined): string | undefined {
  if (!body) return undefined;
  if (isArray(doc, body)) return "";
  const props = properties(doc, body);
  const arrays = Object.keys(props).filter((k) => isArray(doc, props[k]));
  if (arrays.length === 1) return arrays[0];
  return ITEM_FIELDS.find((n) => arrays.includes(n));
}

/** Page-size bounds from the size parameter's schema (query) or request-body property (body). */
function sizeBounds(doc: OpenApiDoc, ref: OperationRef, meta: Partial<PaginationMeta>): Pick<PaginationMeta, "maxPageSize" | "defaultPageSize"> {
  if (!meta.pageSizeParam) return {};
  const schema =
    meta.paramsIn === "body"
      ? properties(doc, jsonSchema(doc, ref.op.requestBody))[meta.pageSizeParam]
      : deref(doc, paramsIn(doc, ref.pathItem, ref.op, "query").get(meta.pageSizeParam)?.schema);
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  return compact({ maxPageSize: num(schema?.maximum), defaultPageSize: num(schema?.default) });
}

/** 0 when the page parameter's schema says pages count from 0; absent for the default 1. */
function firstPageOf(doc: OpenApiDoc, ref: OperationRef, pageParam: string | undefined): number | undefined {
  const schema = pageParam ? deref(doc, paramsIn(doc, ref.pathItem, ref.op, "query").get(pageParam)?.schema) : undefined;
  return schema?.minimum === 0 || schema?.default === 0 ? 0 : undefined;
}

function where(ref: OperationRef): Where {
  return `x-apiforge-pagination on ${ref.method.toUpperCase()} ${ref.path}`;
}

/** Completes an extension: items path and size bounds from the spec where it leaves them out. */
function fromExtension(doc: OpenApiDoc, ref: OperationRef, ext: Partial<PaginationMeta>, at: Where): PaginationMeta {
  if (!ext.style) throw invalid(at, `style is required (one of ${PAGINATION_STYLES.join(", ")})`);
  const body = jsonSchema(doc, successResponse(doc, ref.op));
  const itemsPath = ext.itemsPath ?? detectItemsPath(doc, body);
  if (itemsPath === undefined) throw invalid(at, "itemsPath is required: the success response has no single array field to take the items from");
  const meta = { ...ext, style: ext.style, itemsPath };
  return compact({ ...meta, ...sizeBounds(doc, ref, meta), ...pickDefined(ext, ["maxPageSize", "defaultPageSize"]) });
}

function pickDefined<T extends object, K extends keyof T>(value: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => value[k] !== undefined).map((k) => [k, value[k]])) as Partial<Pick<T, K>>;
}

/** Whether a GET operation has every parameter the root default names and an array where it expects items. */
function fitsDefault(doc: OpenApiDoc, ref: OperationRef, def: Partial<PaginationMeta>): boolean {
  if (ref.method !== "get" || def.paramsIn === "body") return false;
  const query = paramsIn(doc, ref.pathItem, ref.op, "query");
  const named = [def.pageParam, def.pageSizeParam, def.cursorParam, def.offsetParam].filter((n): n is string => !!n);
  if (!named.length || !named.every((n) => query.has(n))) return false;
  const body = jsonSchema(doc, successResponse(doc, ref.op));
  if (def.itemsPath !== undefined) return isArray(doc, schemaAt(doc, body, def.itemsPath));
  return detectItemsPath(doc, body) !== undefined;
}

/** Detects the pagination style of a GET operation from its declared parameters, body and headers. */
export function detectPagination(doc: OpenApiDoc, ref: OperationRef): PaginationMeta | undefined {
  if (ref.method !== "get") return undefined;
  const query = paramsIn(doc, ref.pathItem, ref.op, "query");
  const response = successResponse(doc, ref.op);
  const body = jsonSchema(doc, response);
  const itemsPath = detectItemsPath(doc, body);
  if (itemsPath === undefined) return undefined;
  const pick = (names: readonly string[]) => names.find((n) => query.has(n));
  // a string `page` is an opaque token (Stripe search's `next_page`), not a page number
  const pageParam = PAGE_PARAMS.find((n) => query.has(n) && !isString(doc, deref(doc, query.get(n)!.schema)));
  const pageSizeParam = pick(SIZE_PARAMS);
  const obj = body && !isArray(doc, body) ? body : undefined;
  const field = (names: readonly string[], test: (s: Obj) => boolean) => (obj ? findField(doc, obj, names, test) : undefined);
  const integer = (s: Obj) => isInteger(doc, s);
  const string = (s: Obj) => isString(doc, s);
  const totalPath = field(TOTAL_FIELDS, integer);
  const nextUrl = field(NEXT_URL_FIELDS, string);
  const base = { itemsPath, pageSizeParam };

  const styled = ((): Omit<PaginationMeta, "maxPageSize" | "defaultPageSize"> | undefined => {
    const cursorParam = pick(CURSOR_PARAMS);
    const hasMorePath = field(HAS_MORE_FIELDS, (s) => isBoolean(doc, s));
    if (cursorParam && hasMorePath) return { style: "cursor", ...base, cursorParam, cursorField: "id", hasMorePath };
    const linksNext = obj && isString(doc, schemaAt(doc, obj, "links.next")) ? "links.next" : undefined;
    const lastPage = obj ? ["meta.last_page", "meta.lastPage"].find((p) => integer(schemaAt(doc, obj, p) ?? {})) : undefined;
    if (pageParam && linksNext && lastPage) {
      const currentPagePath = obj && integer(schemaAt(doc, obj, "meta.current_page") ?? {}) ? "meta.current_page" : undefined;
      return { style: "links-next", ...base, pageParam, nextPath: linksNext, totalPagesPath: lastPage, currentPagePath, totalPath };
    }
    const pageCount = field(PAGE_COUNT_FIELDS, integer);
    if (pageParam && pageCount) return { style: "page-count", ...base, pageParam, totalPagesPath: pageCount, totalPath };
    const totalPagesPath = field(TOTAL_PAGES_FIELDS, integer);
    if (pageParam && pageSizeParam && (totalPath || totalPagesPath)) return { style: "page-number", ...base, pageParam, totalPath, totalPagesPath };
    const headers = Object.keys(response?.headers ?? {}).map((h) => h.toLowerCase());
    if (headers.includes("link") && (pageParam || pageSizeParam || pick(OFFSET_PARAMS))) return { style: "link-header", ...base, pageParam };
    const offsetParam = pick(OFFSET_PARAMS);
    if (offsetParam && pageSizeParam) return { style: "offset-limit", ...base, offsetParam, nextPath: nextUrl, totalPath };
    if (nextUrl) return { style: "next-url", ...base, pageParam, nextPath: nextUrl };
    if (pageParam && pageSizeParam) return { style: "page-per-page", ...base, pageParam };
    return undefined;
  })();
  if (!styled) return undefined;
  const firstPage = firstPageOf(doc, ref, styled.pageParam);
  return compact({ ...styled, firstPage, ...sizeBounds(doc, ref, styled) });
}

/**
 * The operation's pagination: its own extension, else the root default where it fits, else detection.
 * `rootDefault` is the parsed root `x-apiforge-pagination` (or legacy `x-pagination`).
 */
export function paginationFor(doc: OpenApiDoc, ref: OperationRef, rootDefault: Partial<PaginationMeta> | undefined): PaginationMeta | undefined {
  const at = where(ref);
  const raw = ref.op["x-apiforge-pagination"];
  if (raw !== undefined) {
    const ext = readPaginationExtension(raw, at);
    return ext === false ? undefined : fromExtension(doc, ref, ext, at);
  }
  if (rootDefault && fitsDefault(doc, ref, rootDefault)) return fromExtension(doc, ref, rootDefault, at);
  return detectPagination(doc, ref);
}

/** The root default, from `x-apiforge-pagination` or the legacy `x-pagination`. */
export function rootPagination(doc: OpenApiDoc): Partial<PaginationMeta> | undefined {
  for (const key of ["x-apiforge-pagination", "x-pagination"]) {
    const raw = doc[key];
    if (raw === undefined) continue;
    const ext = readPaginationExtension(raw, `${key} at the root`);
    if (ext === false) throw invalid(`${key} at the root`, "false is only meaningful on an operation; remove the root default instead");
    if (!ext.style) throw invalid(`${key} at the root`, `style is required (one of ${PAGINATION_STYLES.join(", ")})`);
    return ext;
  }
  return undefined;
}
