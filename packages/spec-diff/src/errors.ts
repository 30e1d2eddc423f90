// The one error the library throws for bad input. The CLI prints `message` and `hint` and exits 2.

/** An input the diff cannot use: missing file, bad git ref, not OpenAPI 3.x, an external `$ref` left unbundled. */
export class DiffInputError extends Error {
  /** The exit code the CLI uses for bad input or usage. */
  readonly exitCode = 2;
  constructor(
    message: string,
    /** What to do about it, one sentence. */
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DiffInputError";
  }
}
