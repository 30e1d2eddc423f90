// Errors the pagination engine raises itself; everything else comes from fetchPage unchanged.

/** A paginator was misused or a page did not have the expected shape. */
export class PaginationError extends Error {
  override name = "PaginationError";
}

/** The error an aborted listing rejects with: the signal's reason when it is an Error. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException("The listing was aborted.", "AbortError");
}
