// Small helpers every strategy uses: copy a request with one more header or query parameter, Base64
// of UTF-8 text without Buffer (the runtime also runs in browsers and workers), and the inspect hook.

/** `util.inspect` looks this symbol up; a strategy's hook prints its scheme and never a secret. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/** A copy of `request` with header `name` set (the original is left untouched, its body moves to the copy). */
export function withHeader(request: Request, name: string, value: string): Request {
  const headers = new Headers(request.headers);
  headers.set(name, value);
  return new Request(request, { headers });
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
