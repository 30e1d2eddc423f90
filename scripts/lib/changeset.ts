// Writing the changeset that `spec:sync` leaves for the release workflow.
import { existsSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./atomic.ts";

export type Bump = "major" | "minor" | "patch";

export interface ChangesetInput {
  /** npm name of the package whose generated code changed. */
  packageName: string;
  bump: Bump;
  /** First line of the changelog entry. */
  title: string;
  /** Markdown list of the classified changes. */
  body: string;
}

export function renderChangeset(c: ChangesetInput): string {
  return `---\n${JSON.stringify(c.packageName)}: ${c.bump}\n---\n\n${c.title}\n\n${c.body.trim()}\n`;
}

/** Writes `.changeset/<slug>.md` (never overwriting another) and returns its path. */
export async function writeChangeset(root: string, slug: string, c: ChangesetInput): Promise<string> {
  let file = path.join(root, ".changeset", `${slug}.md`);
  for (let i = 2; existsSync(file); i++) file = path.join(root, ".changeset", `${slug}-${i}.md`);
  await writeFileAtomic(file, renderChangeset(c));
  return file;
}
