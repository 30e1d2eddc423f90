/// <reference path="./js-yaml.d.ts" />
// Text → OpenAPI document, refusing what the diff cannot compare with a message naming the fix.
import { CORE_SCHEMA, load } from "js-yaml";
import { DiffInputError } from "./errors.js";

export type OpenApiDoc = Record<string, any>;

const API_KEYS = ["paths", "components", "webhooks"];

/**
 * JSON through JSON.parse, YAML through js-yaml's core schema (no timestamps: a date-like string stays
 * a string). js-yaml parses a 180 KB spec in about 30 ms where `yaml` takes 400 ms, most of a CLI run.
 */
function parseText(text: string, origin: string): unknown {
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      // YAML flow style also starts with "{": let the YAML parser decide
    }
  }
  return load(text, { schema: CORE_SCHEMA, filename: origin });
}

/**
 * Parses YAML or JSON and checks the result is an OpenAPI 3.x document. A document with no
 * `openapi:` field is accepted only when it is unambiguous: no `swagger:` field and at least one of
 * `paths`/`components`/`webhooks` as an object (oasdiff reads such files too). Both 3.0 and 3.1
 * spellings of every keyword are compared either way, so the missing version changes no verdict.
 * `warnings` collects what was assumed.
 */
export function parseDocument(text: string, origin: string, warnings: string[] = []): OpenApiDoc {
  const start = text.trimStart().slice(0, 20).toLowerCase();
  if (start.startsWith("<")) {
    throw new DiffInputError(`${origin} is an HTML or XML page, not an OpenAPI document.`, "point at the raw YAML/JSON bundle, e.g. the docs' \"Download OpenAPI description\" link.");
  }
  let doc: unknown;
  try {
    doc = parseText(text, origin);
  } catch (err) {
    throw new DiffInputError(`${origin} is not valid YAML or JSON: ${(err as Error).message.split("\n")[0]}`, "fix the syntax error at the line named above.", { cause: err });
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    throw new DiffInputError(`${origin} parsed, but it is not a YAML/JSON object.`, "pass an OpenAPI 3.x document.");
  }
  const d = doc as OpenApiDoc;
  if (d.swagger !== undefined) {
    throw new DiffInputError(`${origin} is a Swagger ${String(d.swagger)} document; spec-diff compares OpenAPI 3.x.`, "convert it to OpenAPI 3 first (e.g. `npx swagger2openapi in.yaml -o out.yaml`) or ask the vendor for the 3.x bundle.");
  }
  if (d.openapi === undefined) {
    if (!API_KEYS.some((k) => d[k] && typeof d[k] === "object")) {
      throw new DiffInputError(`${origin} has no "openapi: 3.x" field and no paths, components or webhooks, so it is not an OpenAPI 3 document.`, "pass an OpenAPI 3.x document.");
    }
    warnings.push(`${origin} has no "openapi" field; it was read as OpenAPI 3.x (add \`openapi: 3.1.0\` or \`3.0.3\` to say which).`);
    return d;
  }
  if (typeof d.openapi !== "string" || !/^3\.\d+(\.\d+)?/.test(d.openapi)) {
    throw new DiffInputError(`${origin} declares openapi: ${JSON.stringify(d.openapi)}; spec-diff compares OpenAPI 3.0 and 3.1.`, "pass an OpenAPI 3.x document (openapi: 3.0.x or 3.1.x).");
  }
  return d;
}
