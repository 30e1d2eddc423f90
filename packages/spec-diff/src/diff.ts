// `diffSpecs`: classifies every change between two OpenAPI 3.x documents. Vendor-neutral: vendor
// facts reach it only through the injected `extractFacts`.
import { DiffContext } from "./context.js";
import { compareOperations } from "./operations.js";
import { ptr } from "./resolve.js";
import { RULES, maxBump } from "./rules.js";
import { compareRuntimeLimits } from "./runtime-limits.js";
import { compareDocs } from "./schema.js";
import { compareRequirements, compareSecuritySchemes } from "./security.js";
import type { Bump, Change, DiffOptions, DiffReport, Level } from "./types.js";


type Obj = Record<string, any>;
const LEVELS: Level[] = ["ERR", "WARN", "INFO"];

function compareServers(ctx: DiffContext, b: Obj, h: Obj): void {
  const urls = (d: Obj): string[] => (Array.isArray(d.servers) ? d.servers.map((s: Obj) => s?.url).filter((u: unknown) => typeof u === "string") : []);
  const ub = urls(b);
  const uh = urls(h);
  for (const [i, u] of ub.entries()) if (!uh.includes(u)) ctx.emit("api-server-removed", ptr("#/servers", i), null, `server ${u} removed`);
  for (const [i, u] of uh.entries()) if (!ub.includes(u)) ctx.emit("api-server-added", null, ptr("#/servers", i), `server ${u} added`);
}

/** Orders changes most severe first, then by operation and rule, so output never depends on key order. */
function order(a: Change, b: Change): number {
  return LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || (a.operation ?? "").localeCompare(b.operation ?? "") || a.id.localeCompare(b.id) || (a.base ?? a.head ?? "").localeCompare(b.base ?? b.head ?? "");
}

/** Classifies every change from `baseDoc` to `headDoc`; see rules.ts for the ids, levels and bumps. */
export function diffSpecs(baseDoc: Obj, headDoc: Obj, opts: DiffOptions = {}): DiffReport {
  const ctx = new DiffContext(baseDoc, headDoc);
  ctx.lifecycle = opts.lifecycle;
  ctx.within(null, () => {
    compareDocs(ctx, baseDoc.info, "#/info", headDoc.info, "#/info", "API info");
    compareServers(ctx, baseDoc, headDoc);
    compareRequirements(ctx, baseDoc.security, "#/security", headDoc.security, "#/security", "api-global");
    compareSecuritySchemes(ctx, baseDoc.components?.securitySchemes, headDoc.components?.securitySchemes);
  });
  compareOperations(ctx, baseDoc, headDoc);
  if (opts.facts !== false && opts.extractFacts) compareRuntimeLimits(ctx, opts.facts ?? opts.extractFacts(baseDoc), opts.facts ? null : ctx.base, opts.extractFacts);
  const changes = ctx.changes().sort(order);
  const counts: Record<Level, number> = { ERR: 0, WARN: 0, INFO: 0 };
  let bump: Bump = "none";
  for (const c of changes) {
    counts[c.level]++;
    bump = maxBump(bump, RULES[c.id]!.bump);
  }
  return { changes, counts, bump };
}
