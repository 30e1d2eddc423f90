// extractMeta: every vendor fact a client needs, read from one spec document. Priority everywhere:
// our `x-apiforge-*` extensions (written in the spec or an overlay), then the spec's own fields,
// then detection by convention. docs/extensions.md documents each extension.
import type { ApiMeta } from "../../../packages/runtime/src/api-meta.ts";
import type { OpenApiDoc } from "../spec-doc.ts";
import { extractAuth } from "./auth.ts";
import { extractErrors } from "./errors.ts";
import { compact } from "./extension.ts";
import { extractOperations } from "./operations.ts";
import { extractQueryStyles } from "./query.ts";
import { extractRateLimit } from "./rate-limit.ts";
import { envPrefix, type Obj } from "./schema.ts";
import { extractWebhooks } from "./webhooks.ts";

function servers(doc: OpenApiDoc): ApiMeta["servers"] {
  return (Array.isArray(doc.servers) ? doc.servers : [])
    .filter((s: Obj) => typeof s?.url === "string")
    .map((s: Obj) => {
      const variables = s.variables
        ? Object.fromEntries(
            Object.entries<Obj>(s.variables).map(([k, v]) => [k, compact({ default: String(v.default ?? ""), enum: Array.isArray(v.enum) ? v.enum.map(String) : undefined })]),
          )
        : undefined;
      return compact({ url: s.url, description: typeof s.description === "string" ? s.description : undefined, variables });
    });
}

/** The API's meta. `api.name` is its folder under spec/; `specSha256` the snapshot's hash, when known. */
export function extractMeta(doc: OpenApiDoc, api: { name: string; specSha256?: string }): ApiMeta {
  const prefix = envPrefix(api.name);
  return compact({
    api: api.name,
    title: String(doc.info?.title ?? api.name),
    version: String(doc.info?.version ?? ""),
    specSha256: api.specSha256 ?? "",
    envPrefix: prefix,
    servers: servers(doc),
    auth: extractAuth(doc, prefix),
    errors: extractErrors(doc),
    rateLimit: extractRateLimit(doc),
    operations: extractOperations(doc),
    webhooks: extractWebhooks(doc),
    queryStyles: extractQueryStyles(doc),
  });
}
