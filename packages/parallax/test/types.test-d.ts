// Compile-time contract of the public surface: what must type-check and what must not.
import { describe, expectTypeOf, it } from "vitest";
import {
  type components,
  createParallaxClient,
  type PageItem,
  type PaginationCheckpoint,
  type ParallaxClientOptions,
  type ParallaxWebhookEvent,
  verifyWebhook,
} from "../src/index.js";

const client = createParallaxClient({ apiKey: "pat" });
const roleIds = { project_id: "p", project_offering_id: "o", id: "r" };

describe("typed calls", () => {
  it("rejects a path the spec does not have", () => {
    // @ts-expect-error unknown path
    void client.GET("/v1/no-such-thing");
  });

  it("requires path parameters", () => {
    // @ts-expect-error missing params.path.id
    void client.GET("/v1/roles/{id}");
    void client.GET("/v1/roles/{id}", { params: { path: { id: "r" } } });
  });

  it("rejects an unknown or mistyped body field", () => {
    // @ts-expect-error `nam` is not a CreateDepartment field
    void client.POST("/v1/departments", { body: { nam: "Engineering" } });
    // @ts-expect-error name must be a string
    void client.POST("/v1/departments", { body: { name: 42 } });
    void client.POST("/v1/departments", { body: { name: "Engineering" } });
  });

  it("types the results of a direct list GET with the operation's item type", async () => {
    const { data } = await client.GET("/v1/people");
    expectTypeOf(data!.results[0]!.email_address).toEqualTypeOf<components["schemas"]["Person"]["email_address"]>();
    // @ts-expect-error items are Person, not unknown
    void data!.results[0]!.no_such_field;
    expectTypeOf(data!.total).toEqualTypeOf<number | undefined>();
  });
});

describe("paginate", () => {
  it("yields the list operation's item type", () => {
    expectTypeOf(client.paginate("/v1/people")).toExtend<AsyncIterable<components["schemas"]["Person"]>>();
    expectTypeOf<PageItem<"/v1/roles">>().toEqualTypeOf<components["schemas"]["Role"]>();
    expectTypeOf(client.paginate("/v1/projects/{project_id}/offerings/{project_offering_id}/roles/{id}/planned-time", { params: { path: roleIds } }).toArray()).resolves.toEqualTypeOf<
      components["schemas"]["ProjectOfferingRolePlan"][]
    >();
  });

  it("accepts only paginated paths", () => {
    // @ts-expect-error GET /v1/roles/{id} is not a list operation
    void client.paginate("/v1/roles/{id}", { params: { path: { id: "r" } } });
  });

  it("requires the path parameters of the list operation", () => {
    // @ts-expect-error init with params.path is required here
    void client.paginate("/v1/projects/{project_id}/offerings");
    void client.paginate("/v1/projects/{project_id}/offerings", { params: { path: { project_id: "p" } } });
  });

  it("owns page and page_size, but passes filters through", () => {
    void client.paginate("/v1/projects/{project_id}/offerings", { params: { path: { project_id: "p" }, query: { terms: "x" } } });
    // @ts-expect-error page is set by the paginator
    void client.paginate("/v1/projects/{project_id}/offerings", { params: { path: { project_id: "p" }, query: { page: 2 } } });
  });

  it("has a JSON checkpoint and an estimate", () => {
    const listing = client.paginate("/v1/people");
    expectTypeOf(listing.checkpoint).toEqualTypeOf<PaginationCheckpoint>();
    expectTypeOf(listing.estimate()).resolves.toHaveProperty("requests").toEqualTypeOf<number>();
  });
});

describe("bulk", () => {
  it("takes entries of the operation's body item type", () => {
    void client.bulk.CreateProjectOfferingRolePlans({ params: { path: roleIds } }, [{ plan_date: "2025-01-01", hours: 8 }]);
    // @ts-expect-error hours must be a number
    void client.bulk.CreateProjectOfferingRolePlans({ params: { path: roleIds } }, [{ plan_date: "2025-01-01", hours: "8" }]);
    // @ts-expect-error path parameters are required
    void client.bulk.CreateProjectOfferingRolePlans({}, []);
  });
});

describe("options", () => {
  it("rateLimit is an object or false", () => {
    expectTypeOf<{ rateLimit: false }>().toExtend<ParallaxClientOptions>();
    expectTypeOf<{ rateLimit: { limit: 10 } }>().toExtend<ParallaxClientOptions>();
    // @ts-expect-error `true` is not an option: omit it for the spec's limit
    createParallaxClient({ apiKey: "pat", rateLimit: true });
  });
});

describe("webhooks", () => {
  it("resolves to an event union narrowed by Topic", async () => {
    const event = await verifyWebhook({ rawBody: "", headers: {}, secret: "s" });
    expectTypeOf(event).toEqualTypeOf<ParallaxWebhookEvent>();
    if (event.Topic === "projectoffering.modified") {
      expectTypeOf(event.Payload.ProjectId).toEqualTypeOf<string | undefined>();
      expectTypeOf(event.Payload.ModifiedProperties).toEqualTypeOf<("name" | "rate_card_id" | "billing_model" | "fee_schedule")[] | undefined>();
    }
    // @ts-expect-error not a documented topic
    if (event.Topic === "invoice.paid") return;
  });
});
