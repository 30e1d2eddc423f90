// One place that turns any failure into an exit code and a message on stderr (text, or one JSON
// object with --json), always through the context's redaction, so no credential reaches a terminal.
import { AbortError, ApiError, ClientConfigError, ConnectionError, MissingCredentialsError, PaginationError, SdkError, TimeoutError } from "@apiforge/runtime";
import { CliError, EXIT, type ExitCode, type Output } from "./context.js";

/** What a failure looks like to a user or a script. */
export interface ErrorReport {
  code: "usage" | "api" | "network" | "interrupted" | "internal";
  exitCode: ExitCode;
  message: string;
  hint?: string;
  problems?: readonly string[];
  status?: number;
  requestId?: string;
}

/** Classifies an error (never throws). */
export function reportOf(error: unknown, interrupted = false): ErrorReport {
  if (interrupted || error instanceof AbortError || (error instanceof Error && error.name === "AbortError")) {
    return { code: "interrupted", exitCode: EXIT.interrupted, message: "Interrupted." };
  }
  if (error instanceof CliError) {
    return {
      code: error.exitCode === EXIT.usage ? "usage" : "api",
      exitCode: error.exitCode,
      message: error.message,
      ...(error.hint && { hint: error.hint }),
      ...(error.problems.length && { problems: error.problems }),
    };
  }
  if (error instanceof MissingCredentialsError) {
    return { code: "usage", exitCode: EXIT.usage, message: error.message, hint: "set the env var, or pass the matching --*-file flag (see `apiforge apis`); never a plain flag." };
  }
  if (error instanceof ClientConfigError) return { code: "usage", exitCode: EXIT.usage, message: error.message };
  if (error instanceof ApiError) {
    return { code: "api", exitCode: EXIT.api, message: error.message, status: error.status, ...(error.requestId && { requestId: error.requestId }) };
  }
  if (error instanceof ConnectionError || error instanceof TimeoutError) {
    return { code: "network", exitCode: EXIT.api, message: error.message, hint: "check --base-url (or the API's *_BASE_URL) and your network." };
  }
  if (error instanceof PaginationError || error instanceof SdkError) return { code: "api", exitCode: EXIT.api, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", exitCode: EXIT.api, message: `Unexpected error: ${message}` };
}

/** Writes the report to stderr: plain lines, or `{"error":{…}}` with --json. */
export function printReport(report: ErrorReport, stderr: Output, json: boolean, redact: (s: string) => string): void {
  if (json) {
    stderr.write(`${redact(JSON.stringify({ error: report }))}\n`);
    return;
  }
  const lines = [`apiforge: ${report.message}`];
  if (report.status !== undefined && !report.message.includes(String(report.status))) lines.push(`  status: ${report.status}`);
  if (report.requestId && !report.message.includes(report.requestId)) lines.push(`  request id: ${report.requestId}`);
  for (const p of report.problems ?? []) lines.push(`  - ${p}`);
  if (report.hint) lines.push(`  fix: ${report.hint}`);
  stderr.write(`${redact(lines.join("\n"))}\n`);
}
