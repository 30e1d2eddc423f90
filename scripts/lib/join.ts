// Joins several OpenAPI documents a vendor publishes for one API (Sage Intacct: one per
// application) into one effective document, so one package gets one `paths`/`components` type.
// Each vendor document stays byte-identical on disk; this runs in memory after loading them.
// Components both documents declare must be identical (Sage repeats `error-response`, `metadata`
// and the audit blocks in every group); anything else that collides is an error, never a silent
// "last one wins" that would change a type behind the reader's back.
import { isDeepStrictEqual } from "node:util";
import { PipelineError } from "./errors.ts";
import type { OpenApiDoc } from "./spec-doc.ts";

/** Two documents disagree where they must agree. */
export class SpecJoinError extends PipelineError {}

/** One input: a name for messages (the file name) and its parsed document. */
export interface JoinInput {
  name: string;
  doc: OpenApiDoc;
}

/** Merges `docs` in order. The first document's `openapi`, `info` and root `security` are kept. */
export function joinDocuments(inputs: readonly JoinInput[]): OpenApiDoc {
  if (inputs.length === 0) throw new SpecJoinError("Nothing to join: the API lists no documents.", "list the vendor documents in spec/<api>/api.json `documents`.");
  if (inputs.length === 1) return inputs[0]!.doc;
  const [first] = inputs;
  const out: OpenApiDoc = structuredClone(first!.doc);
  const owner = new Map<string, string>();
  const claim = (key: string, name: string) => owner.set(key, owner.get(key) ?? name);
  for (const p of Object.keys(out.paths ?? {})) claim(`paths ${p}`, first!.name);
  for (const [section, entries] of Object.entries(out.components ?? {})) for (const k of Object.keys(entries as object)) claim(`components.${section}.${k}`, first!.name);

  for (const { name, doc } of inputs.slice(1)) {
    if (doc.openapi.split(".").slice(0, 2).join(".") !== out.openapi.split(".").slice(0, 2).join(".")) {
      throw new SpecJoinError(`${name} is OpenAPI ${doc.openapi} but ${first!.name} is ${out.openapi}; documents of one API must share a minor version.`, "convert them to one version before joining.");
    }
    const servers = (d: OpenApiDoc) => (d.servers ?? []).map((s: { url: string }) => s.url);
    if (!isDeepStrictEqual(servers(doc), servers(out))) {
      throw new SpecJoinError(`${name} lists servers ${JSON.stringify(servers(doc))} but ${first!.name} lists ${JSON.stringify(servers(out))}.`, "documents of one API must share their servers; split them into two APIs otherwise.");
    }
    for (const [p, item] of Object.entries(doc.paths ?? {})) {
      const key = `paths ${p}`;
      if (out.paths?.[p] !== undefined) throw new SpecJoinError(`Both ${owner.get(key)} and ${name} declare the path ${p}.`, "an overlay must remove one of them before the join, or the API split in two.");
      out.paths ??= {};
      out.paths[p] = structuredClone(item);
      claim(key, name);
    }
    for (const [section, entries] of Object.entries(doc.components ?? {})) {
      out.components ??= {};
      out.components[section] ??= {};
      const target: Record<string, unknown> = out.components[section];
      for (const [k, value] of Object.entries(entries as Record<string, unknown>)) {
        const key = `components.${section}.${k}`;
        if (k in target) {
          if (!isDeepStrictEqual(target[k], value)) {
            throw new SpecJoinError(`${key} differs between ${owner.get(key)} and ${name}; one generated type cannot stand for both.`, "rename one with an overlay (and its $refs), or make them equal.");
          }
          continue;
        }
        target[k] = structuredClone(value);
        claim(key, name);
      }
    }
    const tags = new Set((out.tags ?? []).map((t: { name: string }) => t.name));
    for (const tag of doc.tags ?? []) {
      if (tags.has(tag.name)) continue;
      out.tags ??= [];
      out.tags.push(structuredClone(tag));
    }
    for (const [k, v] of Object.entries(doc)) if (k.startsWith("x-") && !(k in out)) out[k] = structuredClone(v);
  }
  return out;
}
