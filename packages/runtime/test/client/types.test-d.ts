// What the compiler accepts and refuses for a client built from the fixture meta: the per-API
// template relies on these (`ApiClient<paths, typeof meta>`, `ApiClientOptions<typeof meta>`).
import { describe, expectTypeOf, it } from "vitest";
import { type ApiClient, type ApiClientOptions, createApiClient, type ListRequest, type PaginationCheckpoint } from "../../src/index.js";
import { meta, type Plan, type Project, type paths, type Repo } from "./fixture.js";

type AcmeClient = ApiClient<paths, typeof meta>;
type AcmeOptions = ApiClientOptions<typeof meta>;
declare const client: AcmeClient;

describe("ApiClientOptions", () => {
  it("accepts the credentials of the spec's scheme and its server variables", () => {
    expectTypeOf<{ token: "t"; subdomain: "acme"; baseUrl: "https://x"; timeoutMs: 5 }>().toExtend<AcmeOptions>();
    const ok: AcmeOptions = { token: "t", subdomain: "acme", rateLimit: false };
    void ok;
  });

  it("refuses unknown options and other schemes' credentials", () => {
    // @ts-expect-error: not an option
    const bogus: AcmeOptions = { token: "t", bogus: 1 };
    // @ts-expect-error: apiKey belongs to apiKey/bearer schemes, this API uses Basic with one token
    const wrongScheme: AcmeOptions = { apiKey: "k" };
    // @ts-expect-error: the servers declare no `region` variable
    const noVariable: AcmeOptions = { region: "eu" };
    void [bogus, wrongScheme, noVariable];
  });

  it("the template's factory compiles", () => {
    const createAcmeClient = (options: AcmeOptions = {}): AcmeClient => createApiClient<paths, typeof meta>(meta, options);
    expectTypeOf(createAcmeClient).returns.toEqualTypeOf<AcmeClient>();
  });
});

describe("paginate", () => {
  it("yields each operation's item type, read at its itemsPath", () => {
    expectTypeOf(client.paginate("/projects").toArray()).resolves.toEqualTypeOf<Project[]>();
    expectTypeOf(client.paginate("/clients/{client_id}/projects", { params: { path: { client_id: 7 } } }).toArray()).resolves.toEqualTypeOf<Project[]>();
    expectTypeOf(client.paginate("/services/core/query", { body: { object: "x", fields: [] } }).toArray()).resolves.toEqualTypeOf<{ key: string; id: string }[]>();
    expectTypeOf(client.paginate("/repos").toArray()).resolves.toEqualTypeOf<Repo[]>();
    expectTypeOf(client.paginate("/repos").checkpoint).toEqualTypeOf<PaginationCheckpoint<ListRequest>>();
  });

  it("refuses what does not fit", () => {
    // @ts-expect-error: not a paginated path
    client.paginate("/projects/{id}");
    // @ts-expect-error: path parameters are required
    client.paginate("/clients/{client_id}/projects");
    // @ts-expect-error: the query service needs its body
    client.paginate("/services/core/query");
    // @ts-expect-error: `page` belongs to the paginator
    client.paginate("/projects", { params: { query: { page: 2 } } });
    // @ts-expect-error: `start` belongs to the paginator
    client.paginate("/services/core/query", { body: { object: "x", fields: [], start: 5 } });
  });
});

describe("bulk", () => {
  it("types entries from the operation's body", () => {
    expectTypeOf(client.bulk.CreatePlans).parameter(1).toEqualTypeOf<readonly Plan[]>();
    // @ts-expect-error: hours must be a number
    void client.bulk.CreatePlans({ params: { path: { id: "p" } } }, [{ date: "2026-01-01", hours: "8" }]);
  });
});
