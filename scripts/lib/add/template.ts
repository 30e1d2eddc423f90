// Renders templates/package/ (the one package template) for an API: every file, `{{key}}`
// placeholders filled, `.tmpl` dropped from names. Pure and deterministic: same inputs, same bytes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { toolRoot } from "../exec.ts";

export const TEMPLATE_DIR = path.join(toolRoot, "templates", "package");

export type TemplateVars = Record<string, string>;

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** A value as it must appear inside the file: JSON files get string escapes. */
function escapeFor(file: string, value: string): string {
  return file.endsWith(".json") ? JSON.stringify(value).slice(1, -1) : value;
}

/** Target path → content. An unknown placeholder is an error, never an empty string. */
export function renderTemplate(vars: TemplateVars, dir = TEMPLATE_DIR): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of listFiles(dir)) {
    const target = file.replace(/\.tmpl$/, "");
    const text = readFileSync(path.join(dir, file), "utf8").replace(/\{\{(\w+)\}\}/g, (_m, key: string) => {
      const value = vars[key];
      if (value === undefined) throw new Error(`templates/package/${file} uses {{${key}}}, which api:add does not provide.`);
      return escapeFor(target, value);
    });
    out.set(target, text);
  }
  return out;
}
