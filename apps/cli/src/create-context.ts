// Builds the CommandContext for one invocation: base URL, credentials, the redacting loggers, and
// an AbortSignal for Ctrl-C.
import type { AttemptEvent } from "@apiforge/runtime";
import { type CommandContext, EXIT, type GlobalFlags, type Output } from "./context.js";
import { type CredentialFileFlag, redactWith, resolveCredentials } from "./credentials.js";
import type { ApiEntry, CliClientOptions } from "./registry.js";

/** What the parser hands over to build a context. */
export interface ContextInit {
  api: ApiEntry;
  flags: GlobalFlags;
  baseUrl?: string | undefined;
  credentialFiles?: Partial<Record<CredentialFileFlag, string>>;
  env?: Readonly<Record<string, string | undefined>>;
  stdout?: Output;
  stderr?: Output;
  stdin?: NodeJS.ReadableStream;
  signal?: AbortSignal;
}

function attemptLine(api: string, message: string, event: AttemptEvent): string {
  const queued = event.waitedMs ? `, queued ${event.waitedMs} ms` : "";
  return `[${api}] ${message}${queued}`;
}

/** The context commands run with. Reads credential files now, so a bad path fails before any request. */
export function createContext(init: ContextInit): CommandContext {
  const { api, flags } = init;
  const env = init.env ?? process.env;
  const stdout = init.stdout ?? process.stdout;
  const stderr = init.stderr ?? process.stderr;
  const credentials = resolveCredentials(api, init.credentialFiles ?? {}, env);
  const redact = redactWith(credentials.secrets);
  const baseUrl = init.baseUrl ?? (env[api.env.baseUrl]?.trim() || undefined);
  const line = (text: string) => stderr.write(`${redact(text)}\n`);

  const ctx: CommandContext = {
    api,
    stdout,
    stderr,
    stdin: init.stdin ?? process.stdin,
    isTTY: { stdout: stdout.isTTY === true, stderr: stderr.isTTY === true },
    flags,
    baseUrl,
    credentials,
    env,
    signal: init.signal ?? new AbortController().signal,
    exit: EXIT,
    redact,
    info: (text) => {
      if (!flags.quiet) line(text);
    },
    debug: (text) => {
      if (flags.verbose) line(text);
    },
    createClient: (options: CliClientOptions & { onAttempt?: (event: AttemptEvent) => void } = {}) => {
      const { onAttempt, ...rest } = options;
      const logger = {
        debug: (message: string, event: AttemptEvent) => {
          onAttempt?.(event);
          if (flags.verbose) line(attemptLine(api.name, message, event));
        },
        // failed attempts are already a debug line; pagination warnings (total changed) are worth a line
        warn: (message: string, event: unknown) => {
          if (!flags.quiet && !flags.verbose && !(event && typeof event === "object" && "attempt" in event)) line(`[${api.name}] warning: ${message}`);
        },
      };
      return api.createClient({
        env,
        ...credentials.options,
        ...(baseUrl !== undefined && { baseUrl }),
        logger,
        ...rest,
      });
    },
  };
  return ctx;
}
