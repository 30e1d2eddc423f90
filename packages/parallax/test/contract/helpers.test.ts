// paginate(), bulk and typed calls against the Prism mock: the helpers speak the spec's wire format.
import { loadSpec, operationCases } from "@apiforge/testkit";
import { describe, expect, expectTypeOf, inject, it } from "vitest";
import { type components, createParallaxClient, meta, type PaginatedPath } from "../../src/index.js";

const client = createParallaxClient({ apiKey: "pat_contract_test", baseUrl: inject("prismUrl"), rateLimit: false, retry: false });
const cases = operationCases(loadSpec(inject("contractSpec")));
const ids = { project_id: "p1", project_offering_id: "o1", id: "r1" };

describe("paginate() on every paginated operation", () => {
  it.each(Object.values(meta.operations).flatMap((o) => (o.method === "get" && "pagination" in o ? [o.path as PaginatedPath] : [])))("%s", async (path) => {
    const c = cases.find((x) => x.method === "get" && x.path === path);
    const listing = client.paginate(path as "/v1/people", { params: c?.params ?? {} } as never);
    const pages = [];
    for await (const page of listing.pages()) pages.push(page);
    // Prism answers with the spec's example: one short page, so exactly one request
    expect(listing.stats.requests).toBe(1);
    expect(pages).toHaveLength(1);
    expect(Array.isArray(pages[0]?.page.results)).toBe(true);
    expect(pages[0]?.items.length).toBe(pages[0]?.page.results.length);
  });
});

describe("bulk against Prism", () => {
  it("writes 150 planned days as 2 valid requests", async () => {
    const entries = Array.from({ length: 150 }, (_, i) => ({ plan_date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10), hours: 6 }));
    const result = await client.bulk.CreateProjectOfferingRolePlans({ params: { path: ids } }, entries);
    expect(result).toMatchObject({ ok: true, written: 150 });
    expect(result.done.map((d) => d.entries.length)).toEqual([100, 50]);
    expectTypeOf(result.done[0]!.result).toEqualTypeOf<{ plan_date: string; hours: number }[] | undefined>();
  });
});

describe("typed calls", () => {
  it("GET /v1/roles/{id} returns a Role", async () => {
    const { data, response } = await client.GET("/v1/roles/{id}", { params: { path: { id: "r1" } } });
    expect(response.status).toBe(200);
    expect(typeof data?.name).toBe("string");
    expectTypeOf(data?.name).toEqualTypeOf<string | undefined>();
    expectTypeOf(data?.archived).toEqualTypeOf<boolean | undefined>();
  });

  it("POST /v1/departments takes a CreateDepartment body", async () => {
    const body: components["schemas"]["CreateDepartment"] = { name: "Engineering" };
    const { data, response } = await client.POST("/v1/departments", { body });
    expect(response.ok).toBe(true);
    expect(data).toBeDefined();
  });

  it("paginate items carry the list operation's item type", async () => {
    const [first] = await client.paginate("/v1/people", undefined, { maxItems: 1 }).toArray();
    expectTypeOf(first).toEqualTypeOf<components["schemas"]["Person"] | undefined>();
    expect(first?.id).toEqual(expect.any(String));
  });
});
