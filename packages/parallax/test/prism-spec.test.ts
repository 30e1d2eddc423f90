// Every operation of spec/parallax/openapi.yaml, mocked by Prism in static mode: a valid request
// built from the spec's own examples gets the documented success status and the documented
// example back; a body missing a required field is refused with a declared validation status;
// a request without X-API-KEY gets 401. The cases are read from the spec, so a new operation is
// covered without touching this file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

// The project's globalSetup (test/contract/global-setup.ts) runs one Prism on this same spec.
const prismUrl = inject("prismUrl");

type Obj = Record<string, any>;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const specFile = path.join(repoRoot, "spec/parallax/openapi.yaml");
const spec: Obj = parse(readFileSync(specFile, "utf8"));
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

function resolve(node: unknown): Obj {
  let cur = node as Obj;
  for (let i = 0; cur && typeof cur.$ref === "string" && i < 20; i++) {
    cur = cur.$ref.slice(2).split("/").reduce((o: Obj | undefined, k: string) => o?.[k], spec) as Obj;
  }
  return cur ?? {};
}

/** Required property names of an object schema, through $ref and allOf. */
function requiredProps(schema: unknown): string[] {
  const s = resolve(schema);
  return [...(s.required ?? []), ...(s.allOf ?? []).flatMap(requiredProps)];
}

/** The first example of a media type: `example`, or the first of `examples` (resolving $ref). */
function exampleOf(media: Obj | undefined): unknown {
  if (!media) return undefined;
  if ("example" in media) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first === undefined ? undefined : resolve(first).value;
}

interface Case {
  name: string;
  method: string;
  url: string;
  status: number;
  body?: unknown;
  bodySchema?: unknown;
  responseMedia?: Obj;
  validationStatus: number;
}

function buildCases(): Case[] {
  const cases: Case[] = [];
  for (const [template, item] of Object.entries(spec.paths as Record<string, Obj>)) {
    for (const method of METHODS) {
      const op: Obj | undefined = item[method];
      if (!op) continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
      const url = template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        const p = params.find((q) => q.in === "path" && q.name === name);
        if (p?.example === undefined) throw new Error(`${op.operationId}: path parameter ${name} has no example to build a request from`);
        return encodeURIComponent(String(p.example));
      });
      const success = Object.keys(op.responses).find((c) => /^2\d\d$/.test(c));
      if (!success) throw new Error(`${op.operationId}: no 2xx response`);
      const requestMedia = op.requestBody ? resolve(op.requestBody).content?.["application/json"] : undefined;
      cases.push({
        name: `${op.operationId} (${method.toUpperCase()} ${template})`,
        method: method.toUpperCase(),
        url,
        status: Number(success),
        body: exampleOf(requestMedia),
        bodySchema: requestMedia?.schema,
        responseMedia: resolve(op.responses[success]).content?.["application/json"],
        // Prism answers an invalid body with the first of 422, 400 that the operation declares
        // (prism-http mocker getExpectedCodesForViolations); both are the spec's validation errors.
        validationStatus: op.responses["422"] ? 422 : 400,
      });
    }
  }
  return cases;
}

/** A copy of a valid body with one required field removed (in the first item for an array body). */
function withoutRequiredField(body: unknown, schema: unknown): { body: unknown; field: string } | undefined {
  const s = resolve(schema);
  if (s.type === "array" && Array.isArray(body) && body.length > 0) {
    const inner = withoutRequiredField(body[0], s.items);
    return inner && { body: [inner.body, ...body.slice(1)], field: inner.field };
  }
  const field = requiredProps(s)[0];
  if (!field || typeof body !== "object" || body === null) return undefined;
  const { [field]: _dropped, ...rest } = body as Obj;
  return { body: rest, field };
}

const cases = buildCases();

async function send(c: Case, opts: { apiKey?: boolean; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (opts.apiKey !== false) headers["X-API-KEY"] = "test-personal-access-token";
  const body = "body" in opts ? opts.body : c.body;
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(prismUrl + c.url, { method: c.method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe("Prism serves every operation of the Parallax spec", () => {
  it("finds all 49 operations in the spec", () => {
    expect(cases).toHaveLength(49);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: valid request → documented success and example", async (_name, c) => {
    if (c.bodySchema) expect(c.body, "request example").toBeDefined();
    const res = await send(c);
    const text = await res.text();
    expect(res.headers.get("sl-violations"), text).toBeNull();
    expect(res.status, text).toBe(c.status);
    if (!c.responseMedia) {
      expect(text).toBe("");
      return;
    }
    const json = JSON.parse(text);
    expect(json).toEqual(exampleOf(c.responseMedia));
    const expectedKeys = requiredProps(c.responseMedia.schema);
    const items = Array.isArray(json) ? json : [json];
    for (const item of items) for (const key of expectedKeys) expect(item, `required property ${key}`).toHaveProperty(key);
  });

  const withRequired = cases.filter((c) => c.body !== undefined && withoutRequiredField(c.body, c.bodySchema));
  it.each(withRequired.map((c) => [c.name, c] as const))("%s: body missing a required field → validation error", async (_name, c) => {
    const broken = withoutRequiredField(c.body, c.bodySchema)!;
    const res = await send(c, { body: broken.body });
    const violations = res.headers.get("sl-violations") ?? "";
    await res.body?.cancel();
    expect(res.status, violations).toBe(c.validationStatus);
    expect(violations).toContain(`required property '${broken.field}'`);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s: no X-API-KEY → 401", async (_name, c) => {
    const res = await send(c, { apiKey: false });
    await res.body?.cancel();
    expect(res.status).toBe(401);
  });

  it("covers the missing-field case for every operation whose body has a required field", () => {
    const names = withRequired.map((c) => c.name.split(" ")[0]);
    expect(names).toEqual(
      expect.arrayContaining(["CreateActualTime", "CreateDepartment", "CreatePerson", "CreateProjectOfferingRole", "CreateProjectOfferingRolePlans", "CreateProjectOffering", "CreateRole"]),
    );
  });
});
