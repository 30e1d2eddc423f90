// OpenAPI Overlay Specification 1.0: our fixes to a vendor's document, kept apart from it in
// spec/<api>/overlays/*.yaml and applied in file-name order. A small applier on jsonpath-rfc9535
// (RFC 9535 is the JSONPath the Overlay spec names): the maintained packages we measured either
// swallow errors (openapi-overlays-js) or only log them and merge parameter arrays their own way
// (openapi-format); here every problem is an OverlayError naming the file and the action.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { exec as jsonpath } from "jsonpath-rfc9535";
import { parse } from "yaml";
import { OverlayError } from "./errors.ts";

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string };
  extends?: string;
  actions: OverlayAction[];
}

/** One overlay file: its name (for errors and the lock) and its parsed content. */
export interface OverlayFile {
  name: string;
  text: string;
  overlay: OverlayDocument;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** Checks the shape the Overlay 1.0 schema requires; `name` labels errors. */
export function parseOverlay(text: string, name: string): OverlayDocument {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new OverlayError(`${name} is not valid YAML: ${(err as Error).message.split("\n")[0]}`, "fix the overlay file.", { cause: err });
  }
  const fix = "an overlay needs `overlay: 1.0.0`, `info: {title, version}` and a non-empty `actions:` list (OpenAPI Overlay Specification 1.0).";
  if (!isObject(doc)) throw new OverlayError(`${name} is not a YAML mapping.`, fix);
  if (typeof doc.overlay !== "string" || !/^1\.0\.\d+$/.test(doc.overlay)) throw new OverlayError(`${name}: \`overlay\` must be "1.0.x", got ${JSON.stringify(doc.overlay)}.`, fix);
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== "string" || typeof info.version !== "string") throw new OverlayError(`${name}: \`info\` needs a title and a version.`, fix);
  if (!Array.isArray(doc.actions) || doc.actions.length === 0) throw new OverlayError(`${name}: \`actions\` must be a non-empty list.`, fix);
  doc.actions.forEach((a, i) => {
    if (!isObject(a) || typeof a.target !== "string" || !a.target.startsWith("$")) {
      throw new OverlayError(`${name}: action ${i} needs a \`target\` JSONPath starting with "$".`, fix);
    }
    if (a.remove !== undefined && typeof a.remove !== "boolean") throw new OverlayError(`${name}: action ${i} (target ${a.target}): \`remove\` must be true or false.`, fix);
    if (a.remove !== true && !("update" in a)) throw new OverlayError(`${name}: action ${i} (target ${a.target}) has neither \`update\` nor \`remove: true\`.`, fix);
  });
  return doc as unknown as OverlayDocument;
}

/** Objects merge key by key, recursively; anything else in `update` replaces what was there. */
function merge(target: Json, update: Json): void {
  for (const [k, v] of Object.entries(update)) {
    const cur = target[k];
    if (isObject(cur) && isObject(v)) merge(cur, v);
    else target[k] = structuredClone(v);
  }
}

/** The value at a path of keys and indexes. */
function at(root: unknown, p: (string | number)[]): unknown {
  let node = root as any;
  for (const k of p) node = node?.[k];
  return node;
}

/**
 * Applies one overlay to `doc` in place. Throws OverlayError when an action's target matches
 * nothing, is not valid JSONPath, or names something the action cannot change.
 */
export function applyOverlay(doc: Json, overlay: OverlayDocument, name: string): void {
  overlay.actions.forEach((action, i) => {
    const label = `${name}: action ${i} (target ${action.target})`;
    const matches: (string | number)[][] = [];
    try {
      jsonpath(doc as never, action.target, (_v, p) => matches.push([...p]));
    } catch (err) {
      throw new OverlayError(`${label} is not valid RFC 9535 JSONPath: ${(err as Error).message}`, "fix the target expression.", { cause: err });
    }
    if (!matches.length) {
      throw new OverlayError(
        `${label} matches nothing in the document.`,
        "the vendor may have renamed or removed what it fixed: update or delete the action (run `pnpm spec:diff` to see what changed).",
      );
    }
    if (action.remove === true) {
      // deepest and last first, so removing one match never shifts the index of another
      for (const p of matches.sort((a, b) => b.length - a.length || String(b.at(-1)).localeCompare(String(a.at(-1)), undefined, { numeric: true }))) {
        if (!p.length) throw new OverlayError(`${label} removes the whole document.`, "target something inside it.");
        const parent = at(doc, p.slice(0, -1));
        const key = p.at(-1)!;
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete (parent as Json)[key];
      }
      return;
    }
    for (const p of matches) {
      const node = at(doc, p);
      if (Array.isArray(node)) node.push(structuredClone(action.update));
      else if (isObject(node) && isObject(action.update)) merge(node, action.update);
      else {
        throw new OverlayError(
          `${label} ${isObject(node) ? "has an update that is not a mapping" : "selects a scalar value"}; Overlay 1.0 updates merge a mapping into an object or append to an array.`,
          "target the object that holds the value and update it with a mapping.",
        );
      }
    }
  });
}

/** `dir`/*.yaml|yml in file-name order, each named `label`/file; [] when the folder does not exist. */
export function readOverlays(dir: string, label = dir): OverlayFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith("."))
    .sort()
    .map((f) => {
      const name = `${label}/${f}`;
      const text = readFileSync(path.join(dir, f), "utf8");
      return { name, text, overlay: parseOverlay(text, name) };
    });
}

/** Applies every overlay to a copy of `doc`, in order. */
export function applyOverlays<T extends Json>(doc: T, overlays: OverlayFile[]): T {
  const out = structuredClone(doc);
  for (const o of overlays) applyOverlay(out, o.overlay, o.name);
  return out;
}
