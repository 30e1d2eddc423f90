// apiforge: entry of the `apiforge` bin. Parses, runs one command, and sets the exit code; every
// failure goes through one printer (text or --json), redacted.
import { CommanderError } from "commander";
import { EXIT, type ExitCode } from "./context.js";
import { redactWith, resolveCredentials } from "./credentials.js";
import { printReport, reportOf } from "./errors.js";
import { buildProgram, commanderExit, type ProgramIo } from "./program.js";
import { APIS, type ApiEntry } from "./registry.js";

/** Every secret any API's env vars hold: errors before a context exists are scrubbed of them too. */
function allSecrets(env: ProgramIo["env"]): (text: string) => string {
  return redactWith(APIS.flatMap((api) => resolveCredentials(api, {}, env).secrets));
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function run(argv: readonly string[], io: ProgramIo): Promise<ExitCode> {
  const redact = allSecrets(io.env);
  const json = argv.includes("--json");
  const completing = argv[0] === "completion" || argv[0] === "complete";
  const named = new Set(argv.filter((a) => !a.startsWith("-")));
  const expand = (api: ApiEntry) => completing || named.has(api.name);
  try {
    const { program, result } = buildProgram(APIS, io, expand);
    if (completing) (await import("./completion.js")).addCompletion(program, APIS);
    // listed in --help; a real run of it takes the branch above
    else program.command("completion").description("print a shell completion script").argument("<shell>", "bash, zsh, fish or powershell");
    await program.parseAsync([...argv], { from: "user" });
    return result();
  } catch (error) {
    if (error instanceof CommanderError) {
      const { exitCode, message } = commanderExit(error);
      if (message) printReport({ code: "usage", exitCode, message, hint: "see `apiforge --help` (or `<command> --help`)." }, io.stderr, json, redact);
      return exitCode;
    }
    const report = reportOf(error, io.signal.aborted);
    printReport(report, io.stderr, json, redact);
    return report.exitCode;
  }
}

// not when imported by tests
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("/apiforge")) {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    // first Ctrl-C: stop cleanly (state saved, temp files removed); second: leave now
    if (++interrupts > 1) process.exit(EXIT.interrupted);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // a closed pipe (`apiforge … | head`) is a normal end, not a crash
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT.ok);
  });
  run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal: controller.signal }).then(
    (code) => {
      if (!controller.signal.aborted) {
        process.exitCode = code;
        return;
      }
      // interrupted: leave now, whatever timers (a limiter's window wait) are still pending;
      // stdout and stderr are synchronous for files and pipes on Linux, so nothing written is lost
      process.exit(code === EXIT.ok ? EXIT.interrupted : code);
    },
  );
}
