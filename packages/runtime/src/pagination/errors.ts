// Errors the pagination engine raises itself; everything else comes from fetchPage unchanged.
import { AbortError, SdkError } from "../errors.js";

/** A paginator was misused or a page did not have the expected shape. */
export class PaginationError extends SdkError {
  override name = "PaginationError";
}

/** The error an aborted listing rejects with: the transport's AbortError, the signal's reason as `cause`. */
export function abortError(signal: AbortSignal): AbortError {
  const reason: unknown = signal.reason;
  return reason instanceof AbortError ? reason : new AbortError("The listing was aborted by its AbortSignal.", { cause: reason });
}
