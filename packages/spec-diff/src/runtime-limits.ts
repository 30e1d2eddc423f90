// Runtime-limit drift: the constants the SDK runs with (generated into meta.ts from the spec it was
// built from) against the limits the head spec states. A constant the new spec no longer allows
// fails at runtime however the types look, so it is an ERR of its own.
import type { DiffContext } from "./context.js";
import type { FactsExtractor, LimitFacts as SpecFacts } from "./facts.js";
import { ptr, type RefResolver } from "./resolve.js";

type Obj = Record<string, any>;

/** Pointer to the page-size `maximum` equal to `max` in one of the paginated operations, and that operation. */
function pageSizeAt(r: RefResolver, facts: SpecFacts, max: number | undefined): { at: string; op: string } | null {
  if (!facts.pagination || max === undefined) return null;
  for (const o of facts.paginatedOperations) {
    const item = r.doc.paths?.[o.path];
    const opAt = ptr("#/paths", o.path, o.method);
    const lists: [unknown, string][] = [[item?.parameters, ptr("#/paths", o.path, "parameters")], [item?.[o.method]?.parameters, ptr(opAt, "parameters")]];
    for (const [list, at] of lists) {
      for (const [i, raw] of (Array.isArray(list) ? list : []).entries()) {
        const p = r.resolve(raw, ptr(at, i));
        if (p.node?.in !== "query" || p.node.name !== facts.pagination.pageSizeParam) continue;
        const s = r.resolve(p.node.schema, ptr(p.at, "schema"));
        if (s.node?.maximum === max) return { at: ptr(s.at, "maximum"), op: `${o.method.toUpperCase()} ${o.path}` };
      }
    }
  }
  return null;
}

/** Pointer to a bulk operation's `maxItems` (the body array, or the array property `field`). */
function maxItemsAt(r: RefResolver, op: SpecFacts["bulkOperations"][number]): string | null {
  const opAt = ptr("#/paths", op.path, op.method);
  const body = r.resolve(r.doc.paths?.[op.path]?.[op.method]?.requestBody, ptr(opAt, "requestBody"));
  const content: Obj = body.node?.content ?? {};
  const mt = Object.keys(content).find((k) => /json/i.test(k));
  if (!mt) return null;
  let s = r.resolve(content[mt].schema, ptr(body.at, "content", mt, "schema"));
  if (op.field) s = r.resolve(s.node?.properties?.[op.field], ptr(s.at, "properties", op.field));
  return s.node ? ptr(s.at, "maxItems") : null;
}

/**
 * Compares `sdk` (the constants in use) with the head spec's facts. `baseSide` locates pointers when
 * the constants came from the base spec; with a facts file the base pointer is null.
 */
export function compareRuntimeLimits(ctx: DiffContext, sdk: SpecFacts, baseSide: RefResolver | null, extractFacts: FactsExtractor): void {
  const head = extractFacts(ctx.head.doc);
  ctx.within(null, () => {
    const sdkPage = sdk.pagination?.maxPageSize;
    const headPage = head.pagination?.maxPageSize;
    if (sdkPage !== undefined && headPage !== undefined && sdkPage !== headPage) {
      const h = pageSizeAt(ctx.head, head, headPage);
      const b = baseSide ? pageSizeAt(baseSide, sdk, sdkPage) : null;
      ctx.operation = h?.op ?? null;
      if (sdkPage > headPage) ctx.emit("sdk-page-size-exceeds-maximum", b?.at ?? null, h?.at ?? null, `the SDK requests pages of ${sdkPage} items but the spec now allows at most ${headPage}; regenerate meta.ts (pnpm generate) before release`);
      else ctx.emit("sdk-page-size-below-maximum", b?.at ?? null, h?.at ?? null, `the spec now allows pages of ${headPage} items; the SDK still requests ${sdkPage}`);
    }
    for (const op of sdk.bulkOperations) {
      const match = head.bulkOperations.find((x) => (x.operationId === op.operationId || (x.method === op.method && x.path === op.path)) && x.field === op.field);
      if (!match || match.maxItems === op.maxItems) continue;
      ctx.operation = `${match.method.toUpperCase()} ${match.path}`;
      const b = baseSide ? maxItemsAt(baseSide, op) : null;
      const h = maxItemsAt(ctx.head, match);
      if (op.maxItems > match.maxItems) ctx.emit("sdk-bulk-chunk-exceeds-max-items", b, h, `the SDK sends ${op.operationId} in chunks of ${op.maxItems} items but the spec now allows at most ${match.maxItems}`);
      else ctx.emit("sdk-bulk-chunk-below-max-items", b, h, `the spec now allows ${match.maxItems} items per ${op.operationId} call; the SDK still sends chunks of ${op.maxItems}`);
    }
    ctx.operation = null;
    const rs = sdk.rateLimit;
    const rh = head.rateLimit;
    if (rs && rh && (rs.limit !== rh.limit || rs.windowMs !== rh.windowMs)) {
      const at = (r: RefResolver | null) => (r?.doc["x-rate-limit"] ? "#/x-rate-limit" : null);
      const fmt = (x: { limit: number; windowMs: number }) => `${x.limit} requests per ${x.windowMs / 1000} s`;
      // too fast on average, or a burst larger than the new window admits
      const exceeds = rs.limit / rs.windowMs > rh.limit / rh.windowMs || rs.limit > rh.limit;
      if (exceeds) ctx.emit("sdk-rate-limit-exceeds-spec", at(baseSide), at(ctx.head), `the SDK paces to ${fmt(rs)} but the spec now allows ${fmt(rh)}`);
      else ctx.emit("sdk-rate-limit-below-spec", at(baseSide), at(ctx.head), `the spec now allows ${fmt(rh)}; the SDK paces to ${fmt(rs)}`);
    } else if (!rs && rh) {
      ctx.emit("sdk-rate-limit-exceeds-spec", null, "#/x-rate-limit", `the SDK does not pace requests but the spec now limits them to ${rh.limit} per ${rh.windowMs / 1000} s`);
    }
  });
}
