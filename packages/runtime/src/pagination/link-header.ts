// RFC 8288 `Link: <https://…?page=2>; rel="next", <…>; rel="last"` (GitHub). The next URL is fetched
// as given. The parser is ours (25 lines): `parse-link-header` needs Node's `url`/`querystring`
// and `http-link-header` is CommonJS with `Buffer` calls, and both would break browser/edge bundles.
import type { PaginationMeta } from "../api-meta.js";
import { countAt, itemsAt, type ListStrategy, sizeParam } from "./list.js";

/** One link of a `Link` header: its target and parameters (`rel` split into its space-separated values). */
export interface HeaderLink {
  url: string;
  rel: string[];
  params: Record<string, string>;
}

/** Parses a `Link` header value (RFC 8288 §3); malformed entries are skipped. */
export function parseLinkHeader(value: string | null | undefined): HeaderLink[] {
  if (!value) return [];
  const links: HeaderLink[] = [];
  // one link: <uri> followed by `; name=value` or `; name="quoted, value"` parameters
  const linkRe = /<([^>]*)>((?:\s*;\s*[^\s=;,]+(?:\s*=\s*(?:"(?:[^"\\]|\\.)*"|[^;,]*))?)*)/g;
  const paramRe = /;\s*([^\s=;,]+)(?:\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;,]*)))?/g;
  for (const m of value.matchAll(linkRe)) {
    const params: Record<string, string> = {};
    for (const q of m[2]!.matchAll(paramRe)) {
      const name = q[1]!.toLowerCase();
      // the first occurrence of a parameter wins (RFC 8288 §3.4.1 for rel)
      if (!(name in params)) params[name] = q[2] !== undefined ? q[2].replace(/\\(.)/g, "$1") : (q[3] ?? "").trim();
    }
    links.push({ url: m[1]!.trim(), rel: (params.rel ?? "").toLowerCase().split(/\s+/).filter(Boolean), params });
  }
  return links;
}

/** The `rel="next"` target, resolved against the URL of the page that carried it. */
export function nextLink(headers: Headers | undefined, base?: string): string | undefined {
  const next = parseLinkHeader(headers?.get("link")).find((l) => l.rel.includes("next"));
  if (!next) return undefined;
  try {
    return new URL(next.url, base).href;
  } catch {
    return undefined;
  }
}

export function linkHeaderStrategy<TItem = unknown, TBody = unknown>(p: PaginationMeta): ListStrategy<TItem, TBody> {
  return {
    first: (pageSize) => ({ params: { ...sizeParam(p, pageSize) } }),
    items: (page) => itemsAt<TItem>(page.body, p.itemsPath),
    total: (page) => countAt(page.body, p.totalPath),
    nextRequest(page, request) {
      if (itemsAt(page.body, p.itemsPath).length === 0) return null;
      const url = nextLink(page.headers, page.url ?? request.url);
      return url === undefined || url === request.url ? null : { params: {}, url };
    },
  };
}
