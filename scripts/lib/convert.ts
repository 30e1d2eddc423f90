// Swagger 2.0 → OpenAPI 3.0 on pull, with swagger2openapi (the converter behind most 2.0 → 3
// tooling; measured against @scalar/openapi-upgrader and api-spec-converter, see README).
import { createRequire } from "node:module";
import { SpecConvertError } from "./errors.ts";
import type { OpenApiDoc } from "./spec-doc.ts";

const require = createRequire(import.meta.url);

/** What the lock records about a conversion. */
export interface ConversionRecord {
  from: "swagger 2.0";
  to: string;
  tool: string;
  version: string;
}

interface S2O {
  convertObj(doc: unknown, options: Record<string, unknown>): Promise<{ openapi: OpenApiDoc }>;
}

/** Converts a parsed Swagger 2.0 document; `origin` names it in errors. */
export async function convertSwagger2(doc: Record<string, unknown>, origin: string): Promise<{ doc: OpenApiDoc; conversion: ConversionRecord }> {
  const s2o = require("swagger2openapi") as S2O;
  const version = (require("swagger2openapi/package.json") as { version: string }).version;
  let out: OpenApiDoc;
  try {
    // patch: fix the small mistakes real 2.0 bundles carry (e.g. a missing path parameter) instead of failing;
    // resolve stays off: external $refs were bundled before conversion
    out = (await s2o.convertObj(structuredClone(doc), { patch: true, warnOnly: true, resolve: false })).openapi;
  } catch (err) {
    throw new SpecConvertError(
      `${origin} is Swagger 2.0 and swagger2openapi ${version} could not convert it: ${(err as Error).message.split("\n")[0]}`,
      "fix the 2.0 document (or ask the vendor for its OpenAPI 3 bundle); nothing on disk changed.",
      { cause: err },
    );
  }
  return { doc: out, conversion: { from: "swagger 2.0", to: out.openapi, tool: "swagger2openapi", version } };
}
