// `apiforge apis`: every API the CLI knows, its version, operation counts and where its base URL
// and credentials come from.
import Table from "cli-table3";
import { EXIT, type ExitCode, type Output } from "../context.js";
import type { ApiEntry } from "../registry.js";

// no rule between rows: one API per line reads better
const COMPACT = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

/** One row of `apiforge apis`. */
export interface ApiSummary {
  name: string;
  title: string;
  version: string;
  operations: number;
  paginated: number;
  bulk: number;
  baseUrlEnv: string;
  /** Per auth scheme: the env var sets, e.g. `PARALLAX_API_KEY`, `SAGE_INTACCT_CLIENT_ID + SAGE_INTACCT_CLIENT_SECRET`. */
  credentials: { scheme: string; env: string[] }[];
}

/** The summary of one API. */
export function summarize(api: ApiEntry): ApiSummary {
  const ops = Object.values(api.meta.operations);
  return {
    name: api.name,
    title: api.meta.title,
    version: api.meta.version,
    operations: ops.length,
    paginated: ops.filter((o) => o.pagination).length,
    bulk: ops.filter((o) => o.bulk).length,
    baseUrlEnv: api.env.baseUrl,
    credentials: api.env.credentials.map((c) => ({ scheme: c.scheme, env: c.env.map((set) => set.join(" + ")) })),
  };
}

/** Prints the table (or JSON with `--format json`). */
export function apisCommand(apis: readonly ApiEntry[], stdout: Output, format: "table" | "json"): ExitCode {
  const rows = apis.map(summarize);
  if (format === "json") {
    stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT.ok;
  }
  const table = new Table({ head: ["api", "version", "operations", "paginated", "credentials (env, or --*-file)", "base URL"], style: { head: [], border: [] }, chars: COMPACT });
  for (const r of rows) {
    table.push([r.name, r.version, String(r.operations), String(r.paginated), r.credentials.map((c) => c.env.join(" or ")).join("\nor ") || "none", r.baseUrlEnv]);
  }
  stdout.write(`${table.toString()}\n`);
  return EXIT.ok;
}
