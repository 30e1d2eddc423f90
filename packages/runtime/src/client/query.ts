// The query serializer a client needs when its spec declares styles openapi-fetch would not honour
// (it ignores `style`/`explode`): e.g. `include` as `form` + `explode: false` → `include=a,b`.
// Parameters the meta does not name keep openapi-fetch's defaults; undefined members of an object
// parameter are dropped (openapi-fetch would leave a stray `&`).
import { serializeArrayParam, serializeObjectParam, serializePrimitiveParam } from "openapi-fetch";
import type { QueryStyle } from "../api-meta.js";

/** A serializer honouring `styles`, or `undefined` (openapi-fetch's own) when there is none. */
export function querySerializerFor(styles: Readonly<Record<string, QueryStyle>> | undefined): ((query: Record<string, unknown>) => string) | undefined {
  if (!styles) return undefined;
  return (query) => {
    const parts: string[] = [];
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      const declared = styles[name];
      if (Array.isArray(value)) {
        if (value.length) parts.push(serializeArrayParam(name, value, { style: "form", explode: true, ...declared, allowReserved: false } as never));
      } else if (typeof value === "object") {
        const members = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
        if (Object.keys(members).length) parts.push(serializeObjectParam(name, members, { style: "deepObject", explode: true, ...declared, allowReserved: false } as never));
      } else {
        parts.push(serializePrimitiveParam(name, value as string));
      }
    }
    return parts.join("&");
  };
}
