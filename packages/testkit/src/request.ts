// Turns a case into an HTTP request: parameters serialized in OpenAPI's default styles
// (simple in the path, form + explode in the query), the body in its media type.
import type { OperationCase } from "./cases.js";
import type { Obj } from "./spec.js";

export interface SendOptions {
  /** Send the credentials the security plan names. @default true */
  credentials?: boolean;
  /** Replace the case's body (e.g. with the missing-field copy). */
  body?: unknown;
}

function flatten(prefix: string, value: unknown, out: [string, string][]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) for (const [i, v] of value.entries()) flatten(typeof v === "object" && v !== null ? `${prefix}[${i}]` : prefix, v, out);
  else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(`${prefix}[${k}]`, v, out);
  else out.push([prefix, value === null ? "" : String(value)]);
}

function pathValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(",");
  if (value && typeof value === "object") return Object.entries(value).flat().map(String).join(",");
  return String(value);
}

function encodeBody(mediaType: string, body: unknown): { body: BodyInit; contentType?: string } {
  if (/json/.test(mediaType)) return { body: JSON.stringify(body), contentType: mediaType };
  if (mediaType === "application/x-www-form-urlencoded") {
    const pairs: [string, string][] = [];
    for (const [k, v] of Object.entries((body ?? {}) as Obj)) flatten(k, v, pairs);
    return { body: new URLSearchParams(pairs).toString(), contentType: mediaType };
  }
  if (mediaType === "multipart/form-data") {
    // fetch sets the multipart boundary itself
    const form = new FormData();
    for (const [k, v] of Object.entries((body ?? {}) as Obj)) form.append(k, typeof v === "object" && v !== null ? JSON.stringify(v) : String(v));
    return { body: form };
  }
  return { body: typeof body === "string" ? body : JSON.stringify(body), contentType: mediaType };
}

/** Sends the case to `baseUrl` and returns the response. */
export function send(baseUrl: string, c: OperationCase, opts: SendOptions = {}): Promise<Response> {
  const url = new URL(baseUrl.replace(/\/$/, "") + c.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pathValue(c.params.path?.[name] ?? "x"))));
  const headers: Record<string, string> = { accept: "application/json, */*;q=0.5" };
  const cookies: string[] = [];
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(c.params.query ?? {})) flatten(k, v, pairs);
  for (const [k, v] of Object.entries(c.params.header ?? {})) headers[k.toLowerCase()] = pathValue(v);
  for (const [k, v] of Object.entries(c.params.cookie ?? {})) cookies.push(`${k}=${encodeURIComponent(pathValue(v))}`);
  if (opts.credentials !== false && c.security.kind === "required") {
    const cred = c.security.credentials;
    for (const [k, v] of Object.entries(cred.headers)) headers[k.toLowerCase()] = v;
    for (const [k, v] of Object.entries(cred.query)) pairs.push([k, v]);
    for (const [k, v] of Object.entries(cred.cookies)) cookies.push(`${k}=${v}`);
  }
  for (const [k, v] of pairs) url.searchParams.append(k, v);
  if (cookies.length) headers.cookie = cookies.join("; ");
  const bodyValue = "body" in opts ? opts.body : c.body;
  let body: BodyInit | undefined;
  if (c.mediaType && bodyValue !== undefined) {
    const encoded = encodeBody(c.mediaType, bodyValue);
    body = encoded.body;
    if (encoded.contentType) headers["content-type"] = encoded.contentType;
  }
  return fetch(url, { method: c.method.toUpperCase(), headers, body });
}
