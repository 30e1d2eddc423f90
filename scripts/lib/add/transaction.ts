// The undo log that makes api:add one transaction: every path it creates and every file it
// changes is recorded first, so a failure at any step puts the tree back as it was.
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { writeFileAtomic } from "../atomic.ts";

export class FileTransaction {
  private readonly created: string[] = [];
  private readonly saved = new Map<string, Buffer | null>();

  /** Records a file or folder about to be created (it must not exist yet); rollback removes it. */
  creating(p: string): string {
    if (existsSync(p)) throw new Error(`${p} already exists; api:add never overwrites.`);
    this.created.push(p);
    return p;
  }

  /** Saves a file's bytes before it is changed (by us or a tool we run); rollback restores them. */
  touching(file: string): void {
    if (!this.saved.has(file)) this.saved.set(file, existsSync(file) ? readFileSync(file) : null);
  }

  /** Undoes everything recorded, newest first. Errors are collected so one cannot stop the rest. */
  async rollback(): Promise<string[]> {
    const problems: string[] = [];
    for (const p of [...this.created].reverse()) {
      await rm(p, { recursive: true, force: true }).catch((err: Error) => problems.push(`remove ${p}: ${err.message}`));
    }
    for (const [file, bytes] of this.saved) {
      const undo = bytes === null ? rm(file, { force: true }) : writeFileAtomic(file, bytes);
      await undo.catch((err: Error) => problems.push(`restore ${file}: ${err.message}`));
    }
    return problems;
  }
}
