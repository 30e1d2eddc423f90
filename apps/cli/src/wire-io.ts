// Wires `import` and `webhooks verify|listen` (built in src/import/ and src/webhooks/) into an
// API's command: their options parsed here, their behaviour there.
import type { Command } from "commander";
import type { CommandContext, ExitCode } from "./context.js";
import { UsageError } from "./context.js";
import { parsePairs } from "./request-input.js";

// loaded on use (csv-parse, ajv, http server): not on every start
const importModule = () => import("./import/index.js");
const webhooksModule = () => import("./webhooks/index.js");

type Run = (fn: (cmd: Command) => Promise<ExitCode> | ExitCode) => (...args: unknown[]) => Promise<void>;
const collect = (value: string, previous: string[] = []) => [...previous, value];

function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number, got "${value}".`);
  return n;
}

/** Adds `import` and `webhooks` to `apiCmd`. */
export function wireIo(apiCmd: Command, contextFor: (cmd: Command) => CommandContext, run: Run): void {
  apiCmd
    .command("import")
    .description("send every row of a CSV or NDJSON file to an operation: all rows validated first, paced, resumable")
    .argument("<operationId>", "the write operation (bulk ones are chunked by the spec's maxItems)")
    .argument("<file>", "rows: .csv (header row; dotted names nest) or .ndjson/.jsonl")
    .option("--resume <statefile>", "continue an interrupted import from its state file")
    .option("--dry-run", "validate and print what would be sent; send nothing")
    .option("--concurrency <n>", "requests in flight at once (the rate limit still paces them)", "1")
    .option("--skip-invalid", "send the valid rows even when some are invalid")
    .option("--rejects <file>", "where rows the server refuses go (default: <file>.rejects.ndjson)")
    .option("-p, --param <name=value>", "a path parameter shared by every row (repeatable)", collect)
    .option("--idempotency-header <name>", "header for each row's idempotency key when the spec declares none")
    .action(
      run(async (cmd) => {
        const { runImport } = await importModule();
        const o = cmd.opts<{ resume?: string; dryRun?: boolean; concurrency?: string; skipInvalid?: boolean; rejects?: string; param?: string[]; idempotencyHeader?: string }>();
        return runImport(contextFor(cmd), {
          operationId: cmd.args[0]!,
          file: cmd.args[1]!,
          ...(o.resume !== undefined && { resume: o.resume }),
          dryRun: o.dryRun === true,
          concurrency: wholeNumber("concurrency", o.concurrency, 1),
          skipInvalid: o.skipInvalid === true,
          ...(o.rejects !== undefined && { rejects: o.rejects }),
          ...(o.param && { params: parsePairs("param", o.param) as Record<string, string> }),
          ...(o.idempotencyHeader !== undefined && { idempotencyHeader: o.idempotencyHeader }),
        }) as Promise<ExitCode>;
      }),
    );

  const webhooks = apiCmd.command("webhooks").description("check webhook deliveries: verify one, or run a local receiver");
  webhooks
    .command("verify")
    .description("verify one delivery's signature (body from stdin, or a captured raw HTTP request)")
    .requiredOption("--secret-env <VAR>", "env var holding the endpoint's webhook secret")
    .option("-H, --header <name:value>", "a delivery header (repeatable)", collect)
    .option("--request <file>", "a captured raw HTTP request (request line, headers, body)")
    .option("--tolerance <seconds>", "largest accepted age of the signed timestamp")
    .action(
      run(async (cmd) => {
        const { verifyCommand } = await webhooksModule();
        const o = cmd.opts<{ secretEnv: string; header?: string[]; request?: string; tolerance?: string }>();
        return verifyCommand(contextFor(cmd), {
          secretEnv: o.secretEnv,
          ...(o.header && { headers: o.header }),
          ...(o.request !== undefined && { request: o.request }),
          ...(o.tolerance !== undefined && { toleranceSeconds: wholeNumber("tolerance", o.tolerance, 0) }),
        }) as Promise<ExitCode>;
      }),
    );
  webhooks
    .command("listen")
    .description("a local receiver that verifies and pretty-prints deliveries (for development)")
    .requiredOption("--secret-env <VAR>", "env var holding the endpoint's webhook secret")
    .option("--port <n>", "port on 127.0.0.1 (0: any free port)", "0")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--tolerance <seconds>", "largest accepted age of the signed timestamp")
    .option("--save <dir>", "save each delivery as <n>.http, replayable with `webhooks verify --request`")
    .action(
      run(async (cmd) => {
        const { listenCommand } = await webhooksModule();
        const o = cmd.opts<{ secretEnv: string; port: string; host: string; tolerance?: string; save?: string }>();
        return listenCommand(contextFor(cmd), {
          secretEnv: o.secretEnv,
          port: wholeNumber("port", o.port, 0),
          host: o.host,
          ...(o.tolerance !== undefined && { toleranceSeconds: wholeNumber("tolerance", o.tolerance, 0) }),
          ...(o.save !== undefined && { save: o.save }),
        }) as Promise<ExitCode>;
      }),
    );
}
