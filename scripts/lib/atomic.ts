// Writes that either happen whole or not at all: temp file in the same folder, fsync, rename.
import { randomBytes } from "node:crypto";
import { open, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Path of a temporary sibling of `file` (same folder, so `rename` stays atomic). */
export function tempSibling(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Writes `data` to a temp sibling and returns its path; the caller renames or removes it. */
export async function writeTemp(file: string, data: string | Uint8Array): Promise<string> {
  const tmp = tempSibling(file);
  const fh = await open(tmp, "w");
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  return tmp;
}

/** Replaces `file` with `data` atomically: readers see the old or the new content, never half. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = await writeTemp(file, data);
  try {
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
