// Typed errors of api:add. Each message says what failed; the hint says what to do next.
import { PipelineError } from "../errors.ts";

/** The name, package name or env var cannot be used (exit 2, nothing was written). */
export class AddRefusedError extends PipelineError {
  override readonly exitCode = 2;
}

/** A step of the transaction failed; everything it had written was removed again. */
export class AddFailedError extends PipelineError {}
