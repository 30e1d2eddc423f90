// `logLevel` / `<ENV_PREFIX>_LOG`: a console logger for when no `logger` is passed. `debug` prints
// one line per attempt (method, path, status or failure, attempt, time queued); `warn` only failed
// attempts and pagination warnings. Lines carry no header values, so never a credential.
import type { AttemptEvent } from "../options.js";
import type { PaginationWarning } from "../pagination/types.js";
import type { ApiClientLogger } from "./options.js";

/** How much the built-in console logger prints. */
export type LogLevel = "debug" | "warn" | "silent";

const LEVELS: readonly LogLevel[] = ["debug", "warn", "silent"];

/** The level from the option, else the environment variable (unknown values are ignored), else silent. */
export function logLevelFrom(option: LogLevel | undefined, envValue: string | undefined): LogLevel {
  if (option) return option;
  const v = envValue?.trim().toLowerCase();
  return LEVELS.includes(v as LogLevel) ? (v as LogLevel) : "silent";
}

function line(api: string, message: string, event: AttemptEvent | PaginationWarning): string {
  return "attempt" in event ? `[${api}] ${message}, queued ${event.waitedMs} ms` : `[${api}] ${message}`;
}

/** A console logger at `level`, or `undefined` when silent. */
export function consoleLogger(api: string, level: LogLevel): ApiClientLogger | undefined {
  if (level === "silent") return undefined;
  return {
    // biome-ignore lint/suspicious/noConsole: the opt-in console logger is this function's whole job
    ...(level === "debug" && { debug: (message, event) => console.debug(line(api, message, event)) }),
    // biome-ignore lint/suspicious/noConsole: as above
    warn: (message, event) => console.warn(line(api, message, event)),
  };
}
