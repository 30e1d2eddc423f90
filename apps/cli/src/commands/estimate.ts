// `apiforge <api> estimate list <operationId>`: what a full export will cost before running it:
// requests at the largest page size, and how many rate-limit windows they span, from the total the
// API reports (one small probe request when none is known yet).
import { type CommandContext, EXIT, type ExitCode } from "../context.js";
import { type ListFlags, listRequest, positiveInt } from "./list.js";

/** Prints the estimate (text, or JSON with `--format json`). */
export async function estimateCommand(ctx: CommandContext, name: string, flags: ListFlags): Promise<ExitCode> {
  const maxItems = positiveInt("max-items", flags.maxItems);
  const { op, init } = await listRequest(ctx, name, flags);
  const client = ctx.createClient();
  try {
    const e = await client.paginate(op.path, init, { ...(maxItems !== undefined && { maxItems }), signal: ctx.signal }).estimate();
    // the limiter's window carries a small safety margin; show the documented one when it is in use
    const live = client.limiter?.rule;
    const documented = ctx.api.meta.rateLimit.window;
    const rule = live && documented && live.limit === documented.limit && Math.abs(live.windowMs - documented.windowMs) < 1000 ? documented : live;
    const windows = rule ? Math.ceil(e.requests / rule.limit) : null;
    const result = {
      api: ctx.api.name,
      operationId: op.operationId,
      total: e.total,
      pageSize: e.pageSize,
      requests: e.requests,
      probeRequests: e.probeRequests,
      rateLimit: rule ? { limit: rule.limit, windowMs: rule.windowMs } : null,
      windows,
      minDurationMs: e.minDurationMs,
    };
    if (flags.format === "json") {
      ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    const lines = [
      `${ctx.api.name} ${op.operationId}: ${e.total} items at ${e.pageSize} per page`,
      `requests: ${e.requests}${e.probeRequests ? " (+1 made now to read the total)" : ""}`,
      rule
        ? `rate limit: ${rule.limit} requests / ${rule.windowMs / 1000} s → ${windows} window${windows === 1 ? "" : "s"}, at least ${(e.minDurationMs / 1000).toFixed(0)} s of pacing`
        : "rate limit: none documented (paced by the server's headers as it goes)",
    ];
    ctx.stdout.write(`${lines.join("\n")}\n`);
    return EXIT.ok;
  } finally {
    client.close();
  }
}
