// Small helpers every strategy uses: copy a request with one more header or query parameter, Base64
// of UTF-8 text without Buffer (the runtime also runs in browsers and workers), and the inspect hook.

/** `util.inspect` looks this symbol up; a strategy's hook prints its scheme and never a secret. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * `request` with header `name` set, in place: the transport hands `authorize` a Request it owns (a
 * fresh copy per retry), and building a second Request per attempt was a third of the per-request
 * overhead.
 */
export function withHeader(request: Request, name: string, value: string): Request {
  request.headers.set(name, value);
  return request;
}

/** A copy of `request` with query parameter `name` set. */
export function withQuery(request: Request, name: string, value: string): Request {
  const url = new URL(request.url);
  url.searchParams.set(name, value);
  return new Request(url, request);
}

/** Base64 of the UTF-8 bytes of `text` (`btoa` alone throws on anything outside Latin-1). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** `value` unless it is missing or blank (an empty env var counts as unset). */
export function present(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value : undefined;
}
