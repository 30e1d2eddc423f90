// HMAC-SHA256 with Web Crypto (`crypto.subtle`), so verification runs in Node ≥ 20, Deno, Bun,
// browsers and edge runtimes alike; bytes are Uint8Array, never Buffer.

const encoder = new TextEncoder();

/** UTF-8 bytes of a string; bytes and ArrayBuffers pass through. */
export function toBytes(value: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof value === "string") return encoder.encode(value);
  return value instanceof Uint8Array ? value : new Uint8Array(value);
}

/** HMAC-SHA256 of the parts (concatenated) under `secret`. */
export async function hmacSha256(secret: Uint8Array, ...parts: Uint8Array[]): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", secret as Uint8Array<ArrayBuffer>, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    data.set(p, at);
    at += p.length;
  }
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
}

/** Compares two digests in time independent of where they differ; lengths must already be equal. */
export function equalDigests(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** A hex digest (either case) as bytes, or undefined when it is not hex of `length` bytes. */
export function fromHex(text: string, length: number): Uint8Array | undefined {
  if (text.length !== length * 2 || !/^[0-9a-f]+$/i.test(text)) return undefined;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A base64 or base64url digest as bytes, or undefined when it does not decode to `length` bytes. */
export function fromBase64(text: string, length: number): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    if (binary.length !== length) return undefined;
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
