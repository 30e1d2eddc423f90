// The case builder on small specs: what each operation sends, which statuses the spec implies.
import { describe, expect, it } from "vitest";
import { operationCases } from "./cases.js";
import { securityPlan } from "./security.js";

const doc = {
  openapi: "3.1.0",
  security: [{ key: [] }],
  components: {
    securitySchemes: {
      key: { type: "apiKey", in: "header", name: "X-Key" },
      basic: { type: "http", scheme: "basic" },
      oauth: { type: "oauth2", flows: {} },
      tls: { type: "mutualTLS" },
    },
    schemas: {
      Pet: {
        type: "object",
        required: ["id", "name", "tags"],
        properties: { id: { type: "string", readOnly: true }, name: { type: "string", minLength: 3 }, tags: { type: "array", items: { type: "integer", minimum: 5 } } },
      },
    },
  },
  paths: {
    "/pets/{petId}": {
      parameters: [{ name: "petId", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
      get: { operationId: "getPet", parameters: [{ name: "X-Tenant", in: "header", required: true, schema: { type: "string" } }], responses: { "200": {} } },
      put: { requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } }, responses: { "204": {}, "200": {} } },
    },
    "/health": { get: { operationId: "health", security: [], responses: { "200": {} } } },
  },
};

describe("operationCases", () => {
  const [get, put, health] = operationCases(doc);

  it("fills path and required header parameters from the schema", () => {
    expect(get).toMatchObject({ operationId: "getPet", params: { path: { petId: "497f6eca-6276-4993-bfeb-53cbbbba6f08" }, header: { "X-Tenant": "x" } } });
  });

  it("names an operation without operationId by method and path, and sorts its 2xx statuses", () => {
    expect(put).toMatchObject({ operationId: "PUT /pets/{petId}", successStatuses: [200, 204] });
  });

  it("builds the smallest valid body, leaving readOnly fields out", () => {
    expect(put?.body).toEqual({ name: "xxx", tags: [5] });
    expect(put?.missingField).toEqual({ body: { tags: [5] }, field: "name" });
  });

  it("treats `security: []` as public and the document's requirement as required", () => {
    expect(health?.security).toEqual({ kind: "public" });
    expect(get?.security).toEqual({ kind: "required", schemes: ["key"], credentials: { headers: { "X-Key": "contract-test-token" }, query: {}, cookies: {} } });
  });
});

describe("securityPlan", () => {
  it.each([
    ["basic", { authorization: "Basic Y29udHJhY3Q6dGVzdA==" }],
    ["oauth", { authorization: "Bearer contract-test-token" }],
  ])("%s → %o", (scheme, headers) => {
    expect(securityPlan(doc, { security: [{ [scheme]: [] }] })).toMatchObject({ kind: "required", credentials: { headers } });
  });

  it("an optional requirement ({}) makes the operation public", () => {
    expect(securityPlan(doc, { security: [{ key: [] }, {}] })).toEqual({ kind: "public" });
  });

  it("names what it cannot satisfy instead of skipping it", () => {
    expect(securityPlan(doc, { security: [{ tls: [] }] })).toMatchObject({ kind: "unsupported", reason: expect.stringContaining("mutualTLS") });
    expect(securityPlan(doc, { security: [{ nope: [] }] })).toMatchObject({ kind: "unsupported", reason: expect.stringContaining("not defined") });
  });
});
