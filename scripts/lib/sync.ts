// spec:sync: pull → lint → diff → regenerate → build → changeset → tests. Everything after the
// fetch runs inside one transaction: any failure restores snapshot, lock, generated code and
// .changeset/ exactly as they were.
import { readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import type { ApiPaths } from "./apis.ts";
import { rel } from "./apis.ts";
import { writeFileAtomic, writeTemp } from "./atomic.ts";
import { loadEffectiveSpec } from "./effective.ts";
import { writeChangeset, type Bump } from "./changeset.ts";
import { diffSpecs, type DiffReport } from "../../packages/spec-diff/src/index.ts";
import { CommandError } from "./errors.ts";
import { bin, exec } from "./exec.ts";
import { generate, readGenerated, writeGenerated } from "./generate.ts";
import { fetchCandidate, lintEffective, replaceSnapshot } from "./pull.ts";
import { extractFacts } from "./spec-facts.ts";

export interface SyncOptions {
  from?: string;
  /** Accept a document whose identity changed (see identity.ts). */
  force?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** Build with turbo after generating. @default true */
  build?: boolean;
  /** Test command run last (argv); false skips it. @default ["pnpm", "test"] */
  testCommand?: string[] | false;
  /** Progress lines. */
  log?: (line: string) => void;
}

export type SyncResult =
  | { outcome: "unchanged"; source: string; reason: string }
  | { outcome: "synced"; source: string; report: DiffReport; changed: string[]; changeset: string | null; bump: Bump | null };

/** Maps the diff's verdict to the package bump; a generated-code change with no API change is a patch. */
export function bumpFor(report: DiffReport, generatedChanged: boolean): Bump | null {
  if (report.bump === "major" || report.bump === "minor" || report.bump === "patch") return report.bump;
  return generatedChanged ? "patch" : null;
}

export async function syncSpec(api: ApiPaths, opts: SyncOptions = {}): Promise<SyncResult> {
  const log = opts.log ?? (() => {});
  // sync needs a snapshot to diff against, so a missing one fails here rather than after the fetch
  const current = loadEffectiveSpec(api);
  const currentText = await readFile(api.spec, "utf8");
  const c = await fetchCandidate(api, opts, { lock: current.lock, text: currentText });
  if (c.status === "not-modified") return { outcome: "unchanged", source: c.source, reason: "the source answered 304 Not Modified" };
  if (c.status === "unchanged") return { outcome: "unchanged", source: c.source, reason: `same content as the snapshot (sha256 ${c.sha256.slice(0, 12)}…)` };
  log(`✔ pull ${c.source} (sha256 ${c.sha256.slice(0, 12)}…)`);
  for (const w of c.warnings) log(`⚠ ${w}`);

  // lint before anything is touched
  const tmp = await writeTemp(api.spec, c.text);
  try {
    await lintEffective(api, c.effective, tmp, c.source);
  } finally {
    await rm(tmp, { force: true });
  }
  log("✔ lint: 0 errors");
  // both sides with our overlays applied: the diff is about what the SDK will see
  const report = diffSpecs(current.doc, c.effective.doc, { extractFacts });
  log(`✔ diff: ${report.counts.ERR} ERR, ${report.counts.WARN} WARN, ${report.counts.INFO} INFO → ${report.bump}`);

  const backup = {
    spec: currentText,
    lock: await readFile(api.lock, "utf8"),
    generated: await readGenerated(api.generatedDir),
  };
  let changeset: string | null = null;
  try {
    await replaceSnapshot(api, c.text, c.lock, c.effective);
    const { changed } = await generate(api);
    log(`✔ generate: ${changed.length ? changed.join(", ") : "no generated file changed"}`);
    if (opts.build !== false) {
      const b = await exec(bin("turbo"), ["run", "build", "--output-logs=errors-only"], { cwd: api.root, env: { TURBO_TELEMETRY_DISABLED: "1" } });
      if (b.code !== 0) throw new CommandError(`Build failed after regenerating ${api.config.name}:\n${b.stdout}${b.stderr}`, "the new spec breaks compilation; the tree was restored. Adapt the hand-written layer, then run spec:sync again.");
      log("✔ build");
    }
    const bump = bumpFor(report, changed.length > 0);
    if (bump && changed.length) {
      changeset = await writeChangeset(api.root, `spec-sync-${api.config.name}-${c.sha256.slice(0, 8)}`, {
        packageName: api.config.packageName,
        bump,
        title: `Regenerated from the ${api.config.name} spec (sha256 ${c.sha256.slice(0, 12)}…): ${report.counts.ERR} breaking, ${report.counts.WARN} warning, ${report.counts.INFO} info change(s).`,
        body: changeList(report),
      });
      log(`✔ changeset ${rel(api, changeset)} (${bump})`);
    }
    if (opts.testCommand !== false) {
      const [cmd, ...args] = opts.testCommand ?? ["pnpm", "test"];
      const t = await exec(cmd!, args, { cwd: api.root });
      if (t.code !== 0) throw new CommandError(`Tests failed on the regenerated code (${[cmd, ...args].join(" ")}):\n${tail(t.stdout + t.stderr)}`, "the tree was restored; fix the SDK for the new spec, then run spec:sync again.");
      log("✔ tests");
    }
    return { outcome: "synced", source: c.source, report, changed, changeset, bump };
  } catch (err) {
    await writeFileAtomic(api.spec, backup.spec);
    await writeFileAtomic(api.lock, backup.lock);
    await writeGenerated(api.generatedDir, backup.generated);
    if (changeset && existsSync(changeset)) await rm(changeset);
    throw err;
  }
}

/** The changelog body: one line per classified change, most severe first; docs-only noise collapsed. */
export function changeList(report: DiffReport, max = 50): string {
  const order = { ERR: 0, WARN: 1, INFO: 2 } as const;
  const sorted = [...report.changes].sort((a, b) => order[a.level] - order[b.level]);
  // a change in a shared schema is one line naming how many operations it reaches
  const where = (c: DiffReport["changes"][number]) => (c.operations.length > 1 ? ` ${c.operation} and ${c.operations.length - 1} more` : c.operation ? ` ${c.operation}` : "");
  const lines = sorted.slice(0, max).map((c) => `- **${c.level}** \`${c.id}\`${where(c)}: ${c.message}`);
  if (sorted.length > max) lines.push(`- …and ${sorted.length - max} more (run \`pnpm spec:diff\` for the full report)`);
  return lines.join("\n") || "- no API change (generated code changed only in form)";
}

function tail(text: string, n = 30): string {
  return text.trim().split("\n").slice(-n).join("\n");
}
