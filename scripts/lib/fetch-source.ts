// Fetching a spec's bytes from a URL, a file:// URL or a plain path, with the guards a pull needs:
// conditional request, timeout, size cap, no HTML.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SpecFetchError } from "./errors.ts";

export interface FetchOptions {
  /** From the lock: sent as If-None-Match / If-Modified-Since when the source is unchanged. */
  etag?: string | null;
  lastModified?: string | null;
  /** Whole-request timeout. @default 30_000 ms */
  timeoutMs?: number;
  /** Bodies larger than this are refused. @default 25 MiB */
  maxBytes?: number;
}

export type FetchResult =
  | { status: "not-modified" }
  | { status: "ok"; text: string; etag: string | null; lastModified: string | null };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

const RETRY_HINT = "check your network or the URL, or pass --from <file> to use a local copy; the committed snapshot still works offline.";

/** Reads the source; throws SpecFetchError with the reason and a fix. */
export async function fetchSource(source: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!/^https?:\/\//i.test(source)) return readLocal(source, maxBytes);

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = { accept: "application/yaml, application/x-yaml, application/json;q=0.9, text/yaml;q=0.9, */*;q=0.1" };
  if (opts.etag) headers["if-none-match"] = opts.etag;
  if (opts.lastModified) headers["if-modified-since"] = opts.lastModified;

  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(source, { headers, signal, redirect: "follow" });
  } catch (err) {
    if (signal.aborted) throw new SpecFetchError(`Fetching ${source} timed out after ${timeoutMs} ms.`, RETRY_HINT, { cause: err });
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new SpecFetchError(`Could not reach ${source}: ${cause?.code ?? cause?.message ?? (err as Error).message}.`, RETRY_HINT, { cause: err });
  }
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: "not-modified" };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new SpecFetchError(
      `${source} answered HTTP ${res.status} ${res.statusText}.`,
      res.status === 404 ? "the vendor may have moved the bundle: find the new \"Download OpenAPI description\" link and pass it with --from." : RETRY_HINT,
    );
  }
  const type = res.headers.get("content-type") ?? "";
  if (/text\/html/i.test(type)) {
    await res.body?.cancel();
    throw new SpecFetchError(`${source} returned an HTML page (content-type ${type}), not an OpenAPI document.`, "point --from at the raw bundle URL, not the docs page.");
  }
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge(source, declared, maxBytes);
  }
  try {
    const text = await readCapped(res, maxBytes, source);
    return { status: "ok", text, etag: res.headers.get("etag"), lastModified: res.headers.get("last-modified") };
  } catch (err) {
    if (err instanceof SpecFetchError) throw err;
    if (signal.aborted) throw new SpecFetchError(`Fetching ${source} timed out after ${timeoutMs} ms while reading the body.`, RETRY_HINT, { cause: err });
    throw new SpecFetchError(`Reading ${source} failed: ${(err as Error).message}.`, RETRY_HINT, { cause: err });
  }
}

/** Reads the body chunk by chunk so a lying or missing Content-Length cannot blow the cap. */
async function readCapped(res: Response, maxBytes: number, source: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(source, size, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function readLocal(source: string, maxBytes: number): Promise<FetchResult> {
  const file = source.startsWith("file:") ? fileURLToPath(source) : path.resolve(source);
  try {
    const { size } = await stat(file);
    if (size > maxBytes) throw tooLarge(source, size, maxBytes);
    return { status: "ok", text: await readFile(file, "utf8"), etag: null, lastModified: null };
  } catch (err) {
    if (err instanceof SpecFetchError) throw err;
    throw new SpecFetchError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`, "check the path passed to --from.", { cause: err });
  }
}

function tooLarge(source: string, size: number, maxBytes: number): SpecFetchError {
  return new SpecFetchError(
    `${source} is larger than the ${Math.round(maxBytes / 1024 / 1024)} MiB cap (at least ${size} bytes).`,
    "if the bundle really is that large, raise the cap with --max-bytes <n>.",
  );
}
