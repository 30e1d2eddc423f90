// Reading a spec's text into a document, and the few facts every step reports about it.
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { SpecParseError } from "./errors.ts";

export type OpenApiDoc = Record<string, any> & { openapi: string; paths?: Record<string, any> };

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Parses YAML or JSON text and checks it is an OpenAPI 3.x document; `origin` names it in errors. */
export function parseSpec(text: string, origin: string): OpenApiDoc {
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<")) {
    throw new SpecParseError(
      `${origin} returned an HTML page, not an OpenAPI document (a login wall, a docs page or an error page).`,
      "point --from (or the API's *_SPEC_URL variable) at the raw bundle URL, e.g. the docs' \"Download OpenAPI description\" link.",
    );
  }
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 10_000 });
  } catch (err) {
    throw new SpecParseError(
      `${origin} is not valid YAML or JSON: ${(err as Error).message.split("\n")[0]}`,
      "check that the source serves the raw bundle; the current snapshot was left as it was.",
      { cause: err },
    );
  }
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) {
    throw new SpecParseError(`${origin} parsed, but it is not a YAML/JSON object.`, "point the source at an OpenAPI 3.x bundle.");
  }
  const version = (doc as Record<string, unknown>).openapi;
  if (typeof version !== "string" || !/^3\.\d+(\.\d+)?/.test(version)) {
    const swagger = (doc as Record<string, unknown>).swagger;
    throw new SpecParseError(
      swagger
        ? `${origin} is a Swagger ${String(swagger)} document; this pipeline needs OpenAPI 3.x.`
        : `${origin} has no "openapi: 3.x" field, so it is not an OpenAPI 3 document.`,
      swagger ? "convert it to OpenAPI 3 (e.g. with swagger2openapi) or ask the vendor for the 3.x bundle." : "point the source at an OpenAPI 3.x bundle.",
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
