// Typed errors for the pipeline. Library code throws these; only the entry points (scripts/*.ts)
// turn them into exit codes, so every failure reaches the user as one paragraph with a fix.

/** Base class: `message` says what failed, `hint` says what to do about it. */
export class PipelineError extends Error {
  /** Exit code the entry point uses: 1 for a failed step, 2 for bad input or usage. */
  readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Wrong flags or an unknown API name. */
export class UsageError extends PipelineError {
  override readonly exitCode = 2;
}

/** The spec source could not be fetched (network, HTTP status, timeout, size cap, HTML page). */
export class SpecFetchError extends PipelineError {}

/** The text is not YAML/JSON, or not an OpenAPI 3.x document. */
export class SpecParseError extends PipelineError {}

/** Redocly lint reported errors. `report` holds the problems grouped by rule. */
export class SpecLintError extends PipelineError {
  constructor(
    message: string,
    readonly report: import("./lint.ts").LintReport,
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** A Swagger 2.0 document could not be converted to OpenAPI 3. */
export class SpecConvertError extends PipelineError {}

/** A multi-file description could not be bundled, or still has an external $ref. */
export class SpecBundleError extends PipelineError {}

/** An overlay file is not a valid Overlay 1.0 document, or one of its actions matches nothing. */
export class OverlayError extends PipelineError {}

/** The new document looks like a different API than the snapshot (title, hosts, most operations). */
export class SpecIdentityError extends PipelineError {}

/** The snapshot's sha256 is not the one recorded in its lock file. */
export class LockMismatchError extends PipelineError {}

/** openapi-typescript failed, or generated files are stale. */
export class GenerateError extends PipelineError {}

/** A child command (turbo, vitest, …) failed. */
export class CommandError extends PipelineError {}
