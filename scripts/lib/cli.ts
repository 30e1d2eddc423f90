// The thin runner every entry point shares: parse flags, run, map typed errors to exit codes.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { PipelineError, UsageError } from "./errors.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** `parseArgs` that turns an unknown flag into a UsageError naming the accepted ones. */
export function parseFlags<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    // pnpm passes a literal "--" through when users write `pnpm spec:pull -- --from x`
    const args = argv.filter((a) => a !== "--");
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}.`, `Usage: ${usage}`);
  }
}

/** Runs `main`, prints a PipelineError as one paragraph plus its fix, and sets the exit code. */
export function run(main: () => Promise<unknown>): void {
  main().then(
    (code) => {
      process.exitCode = typeof code === "number" ? code : 0;
    },
    (err: unknown) => {
      if (err instanceof PipelineError) {
        console.error(`\n✘ ${err.message}${err.hint ? `\n  Fix: ${err.hint}` : ""}\n`);
        process.exitCode = err.exitCode;
      } else {
        console.error(err);
        process.exitCode = 1;
      }
    },
  );
}
