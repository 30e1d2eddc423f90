// Reads a captured HTTP/1.x request (what `nc -l`, a proxy's "save raw request", or `webhooks listen
// --save` writes): request line, headers, blank line, body. The body stays bytes, since the signature
// is over the exact bytes; a chunked body is de-chunked and Content-Length is honoured.
import { UsageError } from "../context.js";

/** A captured request, split up. */
export interface RawRequest {
  method: string;
  target: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

function indexOf(bytes: Uint8Array, needle: string, from = 0): number {
  const n = new TextEncoder().encode(needle);
  outer: for (let i = from; i <= bytes.length - n.length; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}

function dechunk(body: Uint8Array, source: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = indexOf(body, "\r\n", at);
    const size = eol < 0 ? Number.NaN : Number.parseInt(new TextDecoder().decode(body.subarray(at, eol)).split(";")[0]!, 16);
    if (!Number.isFinite(size)) throw new UsageError(`${source}: the chunked body is malformed near byte ${at}.`, "Capture the request again, or pass the body on stdin and the headers with --header.");
    if (size === 0) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Parses a captured request; `source` names it in errors. */
export function parseRawRequest(bytes: Uint8Array, source: string): RawRequest {
  // CRLF per RFC 9112; a capture edited by hand may have bare LFs
  let end = indexOf(bytes, "\r\n\r\n");
  let sep = 4;
  if (end < 0) {
    end = indexOf(bytes, "\n\n");
    sep = 2;
  }
  if (end < 0) throw new UsageError(`${source} is not an HTTP request: no blank line after the headers.`, "Capture the whole request (request line, headers, blank line, body).");
  const head = new TextDecoder().decode(bytes.subarray(0, end)).split(/\r?\n/);
  const [method, target] = (head[0] ?? "").split(" ");
  if (!method || !target || !/^[A-Z]+$/.test(method)) throw new UsageError(`${source} does not start with an HTTP request line (e.g. "POST /webhooks HTTP/1.1").`);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = bytes.subarray(end + sep);
  if (/\bchunked\b/i.test(headers["transfer-encoding"] ?? "")) body = dechunk(body, source);
  else if (headers["content-length"] !== undefined) body = body.subarray(0, Number(headers["content-length"]));
  return { method, target, headers, body };
}

/** `--header "Name: value"` flags as an object; a flag without a colon is a usage error. */
export function headerFlags(flags: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const flag of flags) {
    const colon = flag.indexOf(":");
    if (colon <= 0) throw new UsageError(`--header "${flag}" is not "Name: value".`, 'Pass e.g. --header "X-Parallax-Timestamp: 1735732800".');
    headers[flag.slice(0, colon).trim().toLowerCase()] = flag.slice(colon + 1).trim();
  }
  return headers;
}
