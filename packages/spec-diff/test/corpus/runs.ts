// Every schema case at every place it applies to, in 3.1 and (where 3.0 can say it) in 3.0, with
// the `LEVEL rule-id` pairs expected there.
import { docWith, PLACES, type PlaceName, type Version } from "./build.js";
import { SCHEMA_CASES, type SchemaCase } from "./schema-cases.js";

const CHILD: Record<PlaceName, string> = {
  "request-parameter": "request-parameter",
  "request-body": "request-property",
  "request-property": "request-property",
  "response-body": "response-property",
  "response-property": "response-property",
  "response-header": "response-header",
  "request-parameter-property": "request-parameter",
};

/** `ERR type-changed` at request-body → `ERR request-body-type-changed`. */
export function expected(c: SchemaCase, place: PlaceName): string[] {
  const list = place === "request-parameter-property" ? (c.paramProperty ?? []) : place.startsWith("request") ? c.request : c.response;
  return list.map((w) => {
    if (w.startsWith("=")) return w.slice(1);
    const [level, suffix] = w.split(" ") as [string, string];
    return suffix.startsWith("~") ? `${level} ${CHILD[place]}-${suffix.slice(1)}` : `${level} ${place}-${suffix}`;
  });
}

export const RUNS = SCHEMA_CASES.flatMap((c) =>
  [...(c.places ?? PLACES), ...(c.paramProperty ? (["request-parameter-property"] as const) : [])].flatMap((place) =>
    (["3.1", "3.0"] as Version[]).flatMap((version) => {
      const base = docWith(c.base, place, version);
      const head = docWith(c.head, place, version);
      return base && head ? [{ name: `${c.name} (${place}, ${version})`, c, place, base, head }] : [];
    }),
  ),
);
