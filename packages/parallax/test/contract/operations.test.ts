// Every operation of the committed spec, called through the SDK against a Prism mock of that
// spec. Cases come from the spec itself (samples.ts), so a spec change the SDK cannot follow
// (a path, a parameter, a media type) fails here.
import { describe, expect, inject, it } from "vitest";
import { createParallaxClient, meta } from "../../src/index.js";
import { loadSpec, type OperationCase, operationCases } from "./support/samples.js";

const cases = operationCases(loadSpec());
const client = createParallaxClient({ apiKey: "pat_contract_test", baseUrl: inject("prismUrl"), rateLimit: false, retry: false });

type Call = (path: string, init: object) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

function call(c: OperationCase) {
  const method = client[c.method.toUpperCase() as "GET"] as unknown as Call;
  return method(c.path, { params: c.params, ...(c.body !== undefined && { body: c.body }) });
}

describe("the spec as the SDK sees it", () => {
  it("has the 49 operations of Parallax v1, each with a success response", () => {
    expect(cases).toHaveLength(49);
    expect(cases.filter((c) => c.successStatuses.length === 0)).toEqual([]);
  });

  it("lists every paginated and bulk operation of the generated meta", () => {
    const ops = new Set(cases.map((c) => `${c.method} ${c.path}`));
    const listed = Object.values(meta.operations).filter((o) => "pagination" in o || "bulk" in o);
    expect(listed).toHaveLength(16);
    for (const op of listed) expect(ops).toContain(`${op.method} ${op.path}`);
  });
});

describe("every operation through the SDK against Prism", () => {
  it.each(cases.map((c) => [c.operationId, c] as const))("%s", async (_, c) => {
    const { data, error, response } = await call(c);
    // Prism reports request problems (missing header, invalid body…) in this header
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(error).toBeUndefined();
    expect(c.successStatuses).toContain(response.status);
    if (response.status !== 204) expect(data).toBeDefined();
  });
});
