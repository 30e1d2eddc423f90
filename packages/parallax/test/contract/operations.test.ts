// Every operation of the committed spec against a Prism mock of it: first the generic contract
// suite every API package runs (@apiforge/testkit: success status without sl-violations, 401
// without credentials, a missing required body field refused), then the same cases through the
// SDK, so a spec change the SDK cannot follow (a path, a parameter, a media type) fails here.
import { contractSuite, loadSpec, type OperationCase, operationCases } from "@apiforge/testkit";
import { describe, expect, inject, it } from "vitest";
import { createParallaxClient, meta } from "../../src/index.js";

contractSuite(import.meta.url);

const cases = operationCases(loadSpec(inject("contractSpec")));
const client = createParallaxClient({ apiKey: "pat_contract_test", baseUrl: inject("prismUrl"), rateLimit: false, retry: false });

type Call = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

function call(c: OperationCase) {
  const method = client[c.method.toUpperCase() as "GET"] as unknown as Call;
  return method(c.path, { params: c.params, ...(c.body !== undefined && { body: c.body }) });
}

describe("the spec as the SDK sees it", () => {
  it("has the 49 operations of Parallax v1, each behind the X-API-KEY header", () => {
    expect(cases).toHaveLength(49);
    expect(cases.filter((c) => c.security.kind !== "required").map((c) => c.operationId)).toEqual([]);
  });

  it("lists every paginated and bulk operation of the generated meta", () => {
    const ops = new Set(cases.map((c) => `${c.method} ${c.path}`));
    const listed = Object.values(meta.operations).filter((o) => "pagination" in o || "bulk" in o);
    expect(listed).toHaveLength(16);
    for (const op of listed) expect(ops).toContain(`${op.method} ${op.path}`);
  });

  it("covers the missing-field case for every operation whose body has a required field", () => {
    expect(cases.filter((c) => c.missingField).map((c) => c.operationId)).toEqual(
      expect.arrayContaining(["CreateActualTime", "CreateDepartment", "CreatePerson", "CreateProjectOfferingRole", "CreateProjectOfferingRolePlans", "CreateProjectOffering", "CreateRole"]),
    );
  });
});

describe("every operation through the SDK against Prism", () => {
  it.each(cases.map((c) => [c.operationId, c] as const))("%s", async (_, c) => {
    const { data, error, response } = await call(c);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(error).toBeUndefined();
    expect(c.successStatuses).toContain(response.status);
    if (response.status !== 204) expect(data).toBeDefined();
  });
});
