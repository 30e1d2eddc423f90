// How query parameters must be serialised where the spec departs from openapi-fetch's defaults
// (arrays `form` + explode, objects `deepObject` + explode). openapi-fetch 0.17 ignores `style` and
// `explode` in the spec, so e.g. an `include` array declared `explode: false` would go out as
// `include=a&include=b` and a PHP backend would keep only `b`. Recorded per parameter name.
import type { QueryStyle } from "../../../packages/runtime/src/api-meta.ts";
import { GenerateError } from "../errors.ts";
import { operations, type OpenApiDoc } from "../spec-doc.ts";
import { deref, isArray, isObject, type Obj } from "./schema.ts";

/** Query parameter name → style, for parameters that need other than openapi-fetch's default. */
export function extractQueryStyles(doc: OpenApiDoc): Record<string, QueryStyle> | undefined {
  const declared = new Map<string, QueryStyle & { at: string; kind: "array" | "object" }>();
  for (const { method, path, op } of operations(doc)) {
    for (const raw of [...(doc.paths?.[path]?.parameters ?? []), ...(op.parameters ?? [])]) {
      const p: Obj | undefined = deref(doc, raw);
      if (p?.in !== "query") continue;
      const schema = deref(doc, p.schema);
      const kind = isArray(doc, schema) ? "array" : isObject(doc, schema) ? "object" : undefined;
      if (!kind) continue;
      const style: QueryStyle["style"] = p.style ?? "form";
      const explode: boolean = p.explode ?? style === "form";
      const at = `${method.toUpperCase()} ${path}`;
      const seen = declared.get(p.name);
      if (seen && (seen.style !== style || seen.explode !== explode)) {
        throw new GenerateError(
          `Query parameter "${p.name}" is serialised as ${seen.style}/explode=${seen.explode} in ${seen.at} but ${style}/explode=${explode} in ${at}.`,
          "the client serialises a parameter name one way; make the declarations agree (an overlay can).",
        );
      }
      declared.set(p.name, { style, explode, at, kind });
    }
  }
  const styles: Record<string, QueryStyle> = {};
  for (const [name, { style, explode, kind }] of declared) {
    const isDefault = explode && (kind === "array" ? style === "form" : style === "deepObject");
    if (!isDefault) styles[name] = { style, explode };
  }
  return Object.keys(styles).length ? styles : undefined;
}
