// Reading a spec's text into a document, and the few facts every step reports about it.
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { SpecParseError } from "./errors.ts";

export type OpenApiDoc = Record<string, any> & { openapi: string; paths?: Record<string, any> };

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** What a pull may receive: an OpenAPI 3.x document, or a Swagger 2.0 one that is converted on pull. */
export type ParsedSource = { format: "openapi3"; doc: OpenApiDoc } | { format: "swagger2"; doc: Record<string, any> };

/** Parses YAML or JSON text into an object; refuses HTML and non-objects. `origin` names it in errors. */
export function parseObject(text: string, origin: string): Record<string, unknown> {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<")) {
    throw new SpecParseError(
      `${origin} returned an HTML page, not an OpenAPI document (a login wall, a docs page or an error page).`,
      "point --from (or the API's *_SPEC_URL variable) at the raw bundle URL, e.g. the docs' \"Download OpenAPI description\" link.",
    );
  }
  let doc: unknown;
  try {
    // JSON bundles (most large vendor specs) parse ~100× faster with JSON.parse than as YAML
    doc = looksLikeJson(text) ? parseJsonOrYaml(text) : parse(text, { maxAliasCount: 10_000 });
  } catch (err) {
    throw new SpecParseError(
      `${origin} is not valid YAML or JSON: ${(err as Error).message.split("\n")[0]}`,
      "check that the source serves the raw bundle; the current snapshot was left as it was.",
      { cause: err },
    );
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    throw new SpecParseError(`${origin} parsed, but it is not a YAML/JSON object.`, "point the source at an OpenAPI 3.x or Swagger 2.0 bundle.");
  }
  return doc as Record<string, unknown>;
}

export function looksLikeJson(text: string): boolean {
  return text.trimStart().startsWith("{");
}

function parseJsonOrYaml(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // YAML flow style also starts with "{"; its parser gives the better error message too
    return parse(text, { maxAliasCount: 10_000 });
  }
}

/** Parses a fetched document: OpenAPI 3.x, or Swagger 2.0 (which the pull converts). */
export function parseSource(text: string, origin: string): ParsedSource {
  const doc = parseObject(text, origin);
  if (typeof doc.openapi === "string" && /^3\.\d+(\.\d+)?/.test(doc.openapi)) return { format: "openapi3", doc: doc as OpenApiDoc };
  if (String(doc.swagger) === "2.0") return { format: "swagger2", doc };
  throw new SpecParseError(
    doc.swagger
      ? `${origin} is a Swagger ${String(doc.swagger)} document; the pipeline reads OpenAPI 3.x and converts Swagger 2.0, nothing older.`
      : `${origin} has no "openapi: 3.x" (or "swagger: '2.0'") field, so it is not an OpenAPI document.`,
    doc.swagger ? "ask the vendor for the 2.0 or 3.x bundle." : "point the source at an OpenAPI 3.x or Swagger 2.0 bundle.",
  );
}

/** Parses YAML or JSON text and checks it is an OpenAPI 3.x document (snapshots are always 3.x). */
export function parseSpec(text: string, origin: string): OpenApiDoc {
  const doc = parseObject(text, origin);
  const version = doc.openapi;
  if (typeof version !== "string" || !/^3\.\d+(\.\d+)?/.test(version)) {
    const swagger = doc.swagger;
    throw new SpecParseError(
      swagger
        ? `${origin} is a Swagger ${String(swagger)} document; this pipeline needs OpenAPI 3.x.`
        : `${origin} has no "openapi: 3.x" field, so it is not an OpenAPI 3 document.`,
      swagger
        ? "convert it to OpenAPI 3 (`pnpm spec:pull --from <file>` does, with swagger2openapi, and records it in the lock) or ask the vendor for the 3.x bundle."
        : "point the source at an OpenAPI 3.x bundle.",
    );
  }
  return doc as OpenApiDoc;
}

/** Every operation as `{ method, path, op }`, in document order. */
export function operations(doc: OpenApiDoc): { method: string; path: string; op: Record<string, any> }[] {
  const out: { method: string; path: string; op: Record<string, any> }[] = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const m of HTTP_METHODS) if (item && typeof item === "object" && item[m]) out.push({ method: m, path: p, op: item[m] });
  }
  return out;
}

/** The summary numbers the pipeline prints and records in the lock. */
export function specStats(doc: OpenApiDoc) {
  return {
    openapi: doc.openapi,
    operations: operations(doc).length,
    schemas: Object.keys(doc.components?.schemas ?? {}).length,
    webhooks: Object.keys(doc.webhooks ?? {}).length,
  };
}
