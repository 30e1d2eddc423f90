// Turns `--param name=value`, `--query k=v`, `--header k:v` and `--data @file|-|json` into the
// request the validator checks and the SDK sends. Repeated names become arrays; `filter[status]=x`
// becomes `{ filter: { status: "x" } }` (deepObject parameters).
import { readFileSync } from "node:fs";
import { UsageError } from "./context.js";
import type { OperationSpec } from "./spec/operations.js";
import type { RequestInput } from "./spec/validate.js";

function put(target: Record<string, unknown>, key: string, value: string): void {
  const nested = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
  if (nested) {
    const [, outer, inner] = nested as unknown as [string, string, string];
    target[outer] ??= {};
    put(target[outer] as Record<string, unknown>, inner, value);
    return;
  }
  const prev = target[key];
  target[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
}

/** Splits `name=value` pairs (the first `=` splits); a pair without one is a usage error naming the flag. */
export function parsePairs(flag: string, pairs: readonly string[], separator = "="): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const at = pair.indexOf(separator);
    if (at < 1) throw new UsageError(`--${flag} "${pair}" is not name${separator}value.`, `write it as --${flag} name${separator}value.`);
    put(out, pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return out;
}

/** Reads `--data`: `@file.json`, `-` (stdin), or inline JSON. */
export function readData(data: string, readStdin: () => string): unknown {
  const [source, text] = data === "-" ? ["stdin", readStdin()] : data.startsWith("@") ? [data.slice(1), readFileOrFail(data.slice(1))] : ["--data", data];
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--data: ${source} is not valid JSON (${(error as Error).message}).`, "pass a JSON document: --data @body.json, --data - (stdin) or --data '{\"name\":\"x\"}'.");
  }
}

function readFileOrFail(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`--data @${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? "error"}).`, "check the path after @.");
  }
}

/** Options of an operation command as the parser hands them over. */
export interface CallFlags {
  param?: string[];
  query?: string[];
  header?: string[];
  data?: string;
}

/**
 * The request: `--param` names go where the operation declares them (path, query or header),
 * `--query` always to the query string, `--header name:value` to headers.
 */
export function requestInput(op: OperationSpec, flags: CallFlags, readStdin: () => string): RequestInput {
  const input: RequestInput = { path: {}, query: {}, header: {}, body: undefined, hasBody: false };
  for (const [name, value] of Object.entries(parsePairs("param", flags.param ?? []))) {
    const declared = op.parameters.find((p) => p.name === name) ?? op.parameters.find((p) => p.name.toLowerCase() === name.toLowerCase() && p.in === "header");
    const where = declared?.in === "cookie" ? "query" : (declared?.in ?? (op.path.includes(`{${name}}`) ? "path" : "query"));
    input[where][declared?.name ?? name] = value;
  }
  Object.assign(input.query, parsePairs("query", flags.query ?? []));
  Object.assign(input.header, parsePairs("header", flags.header ?? [], ":"));
  if (flags.data !== undefined) {
    input.body = readData(flags.data, readStdin);
    input.hasBody = true;
  }
  return input;
}
