// The hand-written files of spec/<name>/ that api:add starts: api.json and the NOTES.md stub.
import type { ApiConfig } from "../apis.ts";
import type { SpecLock } from "../lock.ts";
import type { AddNames } from "./names.ts";

export function renderApiJson(names: AddNames, sourceUrl: string, lock?: SpecLock): string {
  const config: ApiConfig = { name: names.name, package: `packages/${names.name}`, packageName: names.packageName, sourceUrl, sourceEnv: names.env };
  // several --from: api.json lists them in join order; a file outside the repo has no reusable url yet
  if (lock?.sources) config.sources = lock.sources.map((s) => ({ url: s.source.startsWith("(outside the repository)") ? "" : s.source, name: s.name }));
  return JSON.stringify(config, null, 2) + "\n";
}

export function renderNotes(opts: { names: AddNames; title: string; lock: SpecLock; sourceUrl: string; turnedDown: string[] }): string {
  const { names, lock } = opts;
  return [
    `# ${opts.title}: sources, choices and discrepancies`,
    "",
    `- **Source:** ${lock.source} (added with \`pnpm api:add\` on ${lock.fetchedAt.slice(0, 10)}; OpenAPI ${lock.openapi}, ${lock.operations} operations).` +
      (!opts.sourceUrl && lock.sources ? ` Joined from ${lock.sources.length} documents (api.json \`sources\`); give each a URL there so \`pnpm spec:pull --api ${names.name}\` can refresh them.` : !opts.sourceUrl ? ` No URL is recorded yet: set \`sourceUrl\` in api.json (or \`${names.env}\`) so \`pnpm spec:pull --api ${names.name}\` can refresh it.` : ""),
    `- **Lint:** Redocly \`recommended\`; ${opts.turnedDown.length ? `turned down in redocly.yaml: ${opts.turnedDown.map((r) => `\`${r}\``).join(", ")} (replace each \`reason: TODO\` with the real reason).` : "no rule turned down."}`,
    "",
    "## Known gaps",
    "",
    "What the vendor bundle gets wrong or leaves out (auth only in prose, pagination not described,",
    "missing error responses), and the overlay in `overlays/` or the code that compensates for it.",
    "",
  ].join("\n");
}
