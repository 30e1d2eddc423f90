// Secrets never leave the transport: header values named in the redaction list are replaced in
// everything we carry (error.headers, error.request, events), and the same values are scrubbed
// from any text we build (messages, log lines), because servers sometimes echo a bad key back.

/** Header names whose values are always redacted (lower-case). */
export const DEFAULT_REDACT_HEADERS: readonly string[] = [
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "x-api-key",
];

/** What a redacted value is replaced with. */
export const REDACTED = "[redacted]";

/** Scrubs secrets out of headers, strings and parsed bodies. */
export interface Redactor {
  /** A plain object copy of `headers` with secret values replaced by {@link REDACTED}. */
  headers(headers: Headers | undefined): Record<string, string>;
  /** `text` with every known secret value replaced by {@link REDACTED}. */
  text(text: string): string;
  /** A deep copy of `value` with secrets scrubbed from its strings (same object when none occur). */
  value<T>(value: T): T;
}

/** Lower-cased set of header names: the defaults plus `extra`. */
export function redactionSet(extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...DEFAULT_REDACT_HEADERS, ...extra.map((h) => h.toLowerCase())]);
}

// tokens shorter than this are too likely to match ordinary text ("Bearer x" in tests)
const MIN_SECRET_LENGTH = 4;

/** The secret values carried by `headers` under a redacted name, including the token part of "Scheme token" and cookie values. */
export function secretsOf(headers: Headers | undefined, names: ReadonlySet<string>): string[] {
  if (!headers) return [];
  const out: string[] = [];
  for (const name of names) {
    const value = headers.get(name);
    if (!value) continue;
    out.push(value);
    const space = value.indexOf(" ");
    if (space > 0) out.push(value.slice(space + 1).trim());
    if (name === "cookie" || name === "set-cookie") {
      for (const part of value.split(/[;,]/)) {
        const eq = part.indexOf("=");
        if (eq > 0) out.push(part.slice(eq + 1).trim());
      }
    }
  }
  // longest first so a full "Bearer abc" is replaced before its "abc" part
  return [...new Set(out.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length);
}

/** Builds a redactor for the given header names and the secret values seen on one request. */
export function createRedactor(names: ReadonlySet<string>, secrets: readonly string[] = []): Redactor {
  const text = (s: string): string => {
    let out = s;
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
  const value = <T>(v: T): T => {
    if (!secrets.length) return v;
    if (typeof v === "string") return text(v) as T;
    if (v === null || typeof v !== "object") return v;
    // cheap check first: most bodies do not echo the secret
    let json: string;
    try {
      json = JSON.stringify(v);
    } catch {
      return v;
    }
    if (!secrets.some((s) => json.includes(s))) return v;
    return JSON.parse(text(json)) as T;
  };
  return {
    headers(headers) {
      const out: Record<string, string> = {};
      if (!headers) return out;
      headers.forEach((v, k) => {
        out[k] = names.has(k) ? REDACTED : text(v);
      });
      return out;
    },
    text,
    value,
  };
}
