// The command tree (commander): global flags, `apis`, `completion`, and per API its operations,
// `list`, `estimate list`, `import` and `webhooks`. An API's subtree is built from its meta and
// embedded spec only when the command line names it (or for completion), so start-up stays fast.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import type { ListFlags } from "./commands/list.js";
import { type CommandContext, EXIT, type ExitCode, type GlobalFlags, type Output } from "./context.js";
import { createContext } from "./create-context.js";
import { CREDENTIAL_FILE_FLAGS, type CredentialFileFlag } from "./credentials.js";
import { printReport, reportOf } from "./errors.js";
import { FORMATS } from "./output/formats.js";
import { rateLimitOption } from "./rate-limit-option.js";
import type { ApiEntry } from "./registry.js";
import { operationsFor } from "./spec/catalog.js";
import type { OperationSpec } from "./spec/operations.js";
import { wireIo } from "./wire-io.js";

// commands load on use: ajv, csv and table libraries cost start-up time `--help` should not pay
const commands = {
  apis: () => import("./commands/apis.js"),
  call: () => import("./commands/call.js"),
  list: () => import("./commands/list.js"),
  estimate: () => import("./commands/estimate.js"),
};

/** The process around the program (tests pass their own). */
export interface ProgramIo {
  stdout: Output;
  stderr: Output;
  stdin?: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
  signal: AbortSignal;
}

/** Options every command accepts (read with `optsWithGlobals()`). */
interface RawGlobals {
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  baseUrl?: string;
  rateLimit?: string;
  [flag: string]: unknown;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function addGlobalOptions(cmd: Command): void {
  cmd
    .option("--json", "print errors as one JSON object on stderr (for scripts)")
    .option("-q, --quiet", "print nothing on stderr but errors")
    .option("-v, --verbose", "print one line per HTTP request on stderr (credentials redacted)")
    .option("--base-url <url>", "server to call (default: the API's <NAME>_BASE_URL, else the spec's server)")
    .option("--rate-limit <n/window>", 'client-side pacing, e.g. "100/60s", or "off" (default: the spec\'s limit)');
  for (const flag of Object.keys(CREDENTIAL_FILE_FLAGS)) {
    cmd.addOption(new Option(`--${flag} <file>`, `read the ${flag.replace(/-file$/, "").replace(/-/g, " ")} from a file (instead of its env var)`).hideHelp());
  }
}

function helpForOperation(op: OperationSpec): string {
  const lines: string[] = ["", `${op.method.toUpperCase()} ${op.path}${op.meta.pagination ? "  (paginated: see `list`)" : ""}`];
  const params = op.parameters.filter((p) => p.in !== "cookie");
  if (params.length) {
    lines.push("", "Parameters (--param name=value; query ones also --query k=v):");
    for (const p of params) {
      const type = p.schema?.type ? ` ${Array.isArray(p.schema.type) ? p.schema.type.join("|") : p.schema.type}` : "";
      lines.push(`  ${p.name} (${p.in}${type}${p.required ? ", required" : ""})`);
    }
  }
  if (op.bodyPointer) lines.push("", `Request body: JSON (--data @file.json or --data -)${op.bodyRequired ? ", required" : ""}`);
  return lines.join("\n");
}

/** Builds the program; `run` returns the exit code of whatever command ran. */
export function buildProgram(apis: readonly ApiEntry[], io: ProgramIo, expand: (api: ApiEntry) => boolean): { program: Command; result: () => ExitCode } {
  let exitCode: ExitCode = EXIT.ok;
  const program = new Command("apiforge")
    .description("One command-line tool for every API in this repository: call any operation, export lists at the rate limit, import, check webhooks.")
    .version(version(), "-V, --version")
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // errors are printed by run() (text or --json), with the fix
      outputError: () => {},
    })
    .configureHelp({ helpWidth: 100, sortSubcommands: false })
    .exitOverride()
    .showSuggestionAfterError(true);
  addGlobalOptions(program);
  program.addHelpText(
    "after",
    `
Exit codes: 0 ok, 1 API error, 2 usage or validation (nothing sent), 3 partial import (resume hint printed), 130 interrupted.
Credentials come from each API's env vars (\`apiforge apis\` lists them) or --api-key-file, --token-file,
--password-file, --client-id-file, --client-secret-file, --access-token-file; never from a plain flag.`,
  );

  const contextFor = (api: ApiEntry, cmd: Command): CommandContext => {
    const g = cmd.optsWithGlobals<RawGlobals>();
    const flags: GlobalFlags = { json: g.json === true, quiet: g.quiet === true, verbose: g.verbose === true && g.quiet !== true };
    const credentialFiles: Partial<Record<CredentialFileFlag, string>> = {};
    for (const flag of Object.keys(CREDENTIAL_FILE_FLAGS) as CredentialFileFlag[]) {
      const v = g[camel(flag)];
      if (typeof v === "string") credentialFiles[flag] = v;
    }
    const ctx = createContext({
      api,
      flags,
      ...(g.baseUrl !== undefined && { baseUrl: g.baseUrl }),
      credentialFiles,
      env: io.env,
      stdout: io.stdout,
      stderr: io.stderr,
      ...(io.stdin && { stdin: io.stdin }),
      signal: io.signal,
    });
    const rateLimit = rateLimitOption(g.rateLimit);
    if (rateLimit === undefined) return ctx;
    const create = ctx.createClient;
    return { ...ctx, createClient: (options = {}) => create({ rateLimit, ...options }) };
  };
  const run = (fn: (cmd: Command) => Promise<ExitCode> | ExitCode) => async (...args: unknown[]) => {
    exitCode = await fn(args.at(-1) as Command);
  };

  program
    .command("apis")
    .description("list the APIs, their versions, operation counts and where credentials come from")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(run(async (cmd) => (await commands.apis()).apisCommand(apis, io.stdout, cmd.opts<{ format: "table" | "json" }>().format)));

  for (const api of apis) {
    const apiCmd = program.command(api.name).description(`${api.meta.title} ${api.meta.version}: its operations, list, estimate, import, webhooks`);
    if (!expand(api)) continue;
    const ops = operationsFor(api);
    const paginated = ops.filter((o) => o.meta.pagination);
    const requestOptions = (cmd: Command) =>
      cmd
        .option("-p, --param <name=value>", "a path, query or header parameter (repeatable)", collect)
        .option("--query <name=value>", "a query parameter (repeatable; name[key]=value for objects)", collect)
        .option("--header <name:value>", "a request header (repeatable)", collect)
        .option("-d, --data <@file|-|json>", "JSON request body: @file.json, - for stdin, or inline JSON");
    const listOptions = (cmd: Command) =>
      requestOptions(cmd)
        .option("--all", "every item (default: the first page only)")
        .option("--max-items <n>", "stop after n items");

    const list = listOptions(apiCmd.command("list").description("export every item of a paginated operation (pages at the spec's largest size, paced by its rate limit)").argument("<operationId>", `one of: ${paginated.map((o) => o.alias).join(", ") || "none"}`))
      .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("table"))
      .option("-o, --output <file>", "write to this file (atomically: the old file stays until the export finished)")
      .option("--fields <a,b.c>", "only these fields (dotted paths); csv columns in this order");
    list.action(run(async (cmd) => (await commands.list()).listCommand(contextFor(api, cmd), cmd.args[0]!, cmd.opts<ListFlags>())));

    const estimate = apiCmd.command("estimate").description("what an operation will cost before running it");
    requestOptions(estimate.command("list").description("requests and rate-limit windows a full export takes, from the API's total").argument("<operationId>", "a paginated operation"))
      .option("--max-items <n>", "estimate an export capped at n items")
      .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
      .action(run(async (cmd) => (await commands.estimate()).estimateCommand(contextFor(api, cmd), cmd.args[0]!, cmd.opts<ListFlags>())));

    wireIo(apiCmd, (cmd) => contextFor(api, cmd), run);

    for (const op of ops) {
      // the kebab form is the name (what completion offers); the spec's operationId works too
      const cmd = apiCmd.command(op.alias).description(op.summary || `${op.method.toUpperCase()} ${op.path}`);
      if (op.alias !== op.operationId) cmd.alias(op.operationId);
      requestOptions(cmd).addHelpText("after", helpForOperation(op));
      cmd.action(run(async (c) => (await commands.call()).callCommand(contextFor(api, c), op, c.opts())));
    }
  }
  return { program, result: () => exitCode };
}

let cachedVersion: string | undefined;
function version(): string {
  if (cachedVersion) return cachedVersion;
  // package.json sits one level above dist/ (and above src/ in tests)
  try {
    cachedVersion = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    cachedVersion = "0.0.0";
  }
  return cachedVersion;
}

/** Maps commander's own errors (unknown command, missing argument, bad choice) to exit 2, help/version to 0. */
export function commanderExit(error: CommanderError): { exitCode: ExitCode; message: string | undefined } {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return { exitCode: EXIT.ok, message: undefined };
  // a command group run without its subcommand: the help went to stderr
  if (error.code === "commander.help") return { exitCode: EXIT.usage, message: undefined };
  return { exitCode: EXIT.usage, message: error.message.replace(/^error: /, "") };
}

export { CommanderError, printReport, reportOf };
