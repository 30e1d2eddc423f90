// Loading the corpus base (the committed spec) and applying one case to a fresh clone of it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { CORPUS, type CorpusCase } from "./cases.ts";

export { CORPUS, type CorpusCase };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The committed spec the corpus mutates; CORPUS_SPEC points it elsewhere while developing cases. */
export const CORPUS_SPEC = path.resolve(root, process.env.CORPUS_SPEC ?? "spec/parallax/openapi.yaml");

let text: string | undefined;
/** A fresh parse of the corpus base. */
export function baseDoc(): Record<string, any> {
  text ??= readFileSync(CORPUS_SPEC, "utf8");
  return parse(text, { maxAliasCount: 10_000 });
}

/** The base with one case applied; throws when the mutation changed nothing (a finder went stale). */
export function mutated(c: CorpusCase): Record<string, any> {
  const doc = structuredClone(baseDoc());
  const before = JSON.stringify(doc);
  c.mutate(doc);
  if (JSON.stringify(doc) === before) throw new Error(`corpus case "${c.name}" did not change the document`);
  return doc;
}

/** Environment that keeps Optic offline: no telemetry, no update check against the registry. */
export const OPTIC_ENV = { OPTIC_TELEMETRY_LEVEL: "off", NO_UPDATE_NOTIFIER: "1", NO_COLOR: "1" };
