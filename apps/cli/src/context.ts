// What every command receives: the API it runs against, the process's streams and flags, the
// resolved base URL and credentials, and the exit codes. Commands return an exit code (never call
// process.exit), write data to stdout and everything else (progress, logs, errors) to stderr.
import type { AttemptEvent } from "@apiforge/runtime";
import type { ApiEntry, CliClient, CliClientOptions } from "./registry.js";

/** Documented exit codes (README "Exit codes"). */
export const EXIT = {
  /** Success. */
  ok: 0,
  /** The API answered with an error (or could not be reached). */
  api: 1,
  /** Bad usage or input that failed validation; nothing was sent. */
  usage: 2,
  /** Some writes were acknowledged, others not: resume with the hint printed. */
  partial: 3,
  /** Interrupted by SIGINT (Ctrl-C); resumable commands saved their place. */
  interrupted: 130,
} as const;

/** One of {@link EXIT}'s values. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Flags every command accepts. */
export interface GlobalFlags {
  /** Errors as one JSON object on stderr (`{"error":{"code","message","hint","problems"}}`). */
  json: boolean;
  /** Nothing on stderr but errors (no progress, no warnings). */
  quiet: boolean;
  /** One line per HTTP attempt on stderr (method, path, status, attempt, time queued), credentials redacted. */
  verbose: boolean;
}

/** Credentials as the SDK client takes them, plus every secret value to scrub from output. */
export interface ResolvedCredentials {
  /** Client options from `--*-file` flags (`apiKey`, `token`, `password`, `clientId`, `clientSecret`, `accessToken`); env vars are read by the SDK itself. */
  options: Record<string, string>;
  /** Values that must never be printed: file contents and the values of the API's credential env vars (and their Basic encodings). */
  secrets: readonly string[];
  /** Where each credential came from, for messages (`PARALLAX_API_KEY`, `--api-key-file ./key`); never the value. */
  sources: readonly string[];
}

/** A minimal writable stream (process.stdout, a file stream, or a test buffer). */
export interface Output {
  write(chunk: string | Uint8Array): boolean;
  /** Whether it is a terminal (progress and colours only then). */
  isTTY?: boolean;
  /** Terminal width, when it is one. */
  columns?: number;
}

/** Everything a command needs; built once per invocation (create-context.ts). */
export interface CommandContext {
  api: ApiEntry;
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream;
  /** Whether each stream is a terminal (progress goes to stderr only when `isTTY.stderr`). */
  isTTY: { stdout: boolean; stderr: boolean };
  flags: GlobalFlags;
  /** `--base-url`, else `<PREFIX>_BASE_URL`, else undefined (the SDK then uses the spec's server). */
  baseUrl: string | undefined;
  credentials: ResolvedCredentials;
  /** The environment the SDK reads (`<PREFIX>_*` variables). */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM: stop sending, save state, return `EXIT.interrupted`. */
  signal: AbortSignal;
  /** The exit codes, for modules that prefer `ctx.exit.partial` over importing {@link EXIT}. */
  exit: typeof EXIT;
  /**
   * Creates the API's SDK client with the base URL, credentials and the `--verbose` logger wired in.
   * `onAttempt` sees every HTTP attempt (progress: retries, rate-limit budget).
   * @throws MissingCredentialsError / ClientConfigError (the runner prints them, exit 2)
   */
  createClient(options?: CliClientOptions & { onAttempt?: (event: AttemptEvent) => void }): CliClient;
  /** Replaces every secret value in `text` with `[REDACTED]`. */
  redact(text: string): string;
  /** A line on stderr unless `--quiet` (redacted). */
  info(line: string): void;
  /** A line on stderr only with `--verbose` (redacted). */
  debug(line: string): void;
}

/** A failure a command reports itself: its message, a fix, and the exit code. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    /** How to fix it, e.g. "pass --data @body.json". */
    readonly hint?: string,
    readonly exitCode: ExitCode = EXIT.usage,
    /** Every problem found, when there are several (validation). */
    readonly problems: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Bad usage or input (exit 2). */
export class UsageError extends CliError {
  override name = "UsageError";
  constructor(message: string, hint?: string, problems: readonly string[] = []) {
    super(message, hint, EXIT.usage, problems);
  }
}
