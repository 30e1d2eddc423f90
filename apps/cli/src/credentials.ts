// Credentials come from the API's env vars (read by the SDK itself) or from `--*-file` flags, never
// from a plain flag that would land in shell history. Every value found is collected so output can
// be scrubbed of it, whatever path (error, log line, crash) it takes to the terminal.
import { readFileSync } from "node:fs";
import type { ResolvedCredentials } from "./context.js";
import { UsageError } from "./context.js";
import type { ApiEntry } from "./registry.js";

/** `--<flag>` → the SDK client option it fills. */
export const CREDENTIAL_FILE_FLAGS = {
  "api-key-file": "apiKey",
  "token-file": "token",
  "password-file": "password",
  "client-id-file": "clientId",
  "client-secret-file": "clientSecret",
  "access-token-file": "accessToken",
} as const;

export type CredentialFileFlag = keyof typeof CREDENTIAL_FILE_FLAGS;

function readSecretFile(flag: string, file: string): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`--${flag} ${file}: cannot read the file (${code}).`, `pass a file that holds only the credential, e.g. --${flag} ~/.config/apiforge/key.`);
  }
  const value = text.trim();
  if (!value) throw new UsageError(`--${flag} ${file}: the file is empty.`, "write the credential into the file (one line).");
  return value;
}

// Basic auth sends base64(user:pass); a value that reaches output in that form must go too
function encodings(values: string[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    out.add(v);
    out.add(Buffer.from(`${v}:${v}`).toString("base64"));
    out.add(Buffer.from(`${v}:`).toString("base64"));
    out.add(encodeURIComponent(v));
  }
  return [...out].filter((s) => s.length >= 4);
}

/** Reads the `--*-file` flags given and lists every secret value (files and the API's credential env vars). */
export function resolveCredentials(api: ApiEntry, files: Partial<Record<CredentialFileFlag, string>>, env: Readonly<Record<string, string | undefined>>): ResolvedCredentials {
  const options: Record<string, string> = {};
  const sources: string[] = [];
  for (const [flag, option] of Object.entries(CREDENTIAL_FILE_FLAGS) as [CredentialFileFlag, string][]) {
    const file = files[flag];
    if (file === undefined) continue;
    options[option] = readSecretFile(flag, file);
    sources.push(`--${flag} ${file}`);
  }
  const values = Object.values(options);
  for (const source of api.env.credentials) {
    for (const names of source.env) {
      for (const name of names) {
        const v = env[name]?.trim();
        if (!v) continue;
        values.push(v);
        if (!sources.includes(name)) sources.push(name);
      }
    }
  }
  // username-style env vars of OAuth (<PREFIX>_USERNAME) are not secret; client ids are scrubbed anyway
  return { options, secrets: encodings(values).sort((a, b) => b.length - a.length), sources };
}

/** Replaces each secret in `text` with `[REDACTED]` (longest first, so no partial leftovers). */
export function redactWith(secrets: readonly string[]): (text: string) => string {
  if (!secrets.length) return (text) => text;
  const ordered = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const s of ordered) out = out.split(s).join("[REDACTED]");
    return out;
  };
}
