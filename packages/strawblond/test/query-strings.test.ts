// The exact query strings the SDK sends for Blond's list conventions (filter[...], sort, include),
// typed by the generated `paths`. The backend is Laravel (PHP): a repeated `include=` keeps only its
// last value, so includes must be one comma-joined parameter. openapi-fetch does not read
// `style`/`explode` from the spec; the generated meta records `include`/`append` as form +
// explode:false (meta.queryStyles) and createStrawblondClient serialises them that way.
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createStrawblondClient, type StrawblondClient } from "../src/index.js";
import type { paths } from "../src/generated/schema.js";

const BASE_URL = "https://api.blond.swiss/api";

/** A client whose fetch records the URL it was asked for and answers an empty page. */
function capturingClient({ defaultSerializer = false } = {}) {
  const urls: string[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    urls.push(input instanceof Request ? input.url : String(input));
    return new Response(JSON.stringify({ data: [], links: {}, meta: {} }), { status: 200, headers: { "content-type": "application/json" } });
  };
  // the SDK as users get it; bare openapi-fetch only to show what its default serializer would do
  // (typed as the SDK's client: the tests only call GET, whose parameters both share)
  const client: StrawblondClient = defaultSerializer
    ? (createClient<paths>({ baseUrl: BASE_URL, fetch }) as unknown as StrawblondClient)
    : createStrawblondClient({ apiKey: "test-key", baseUrl: BASE_URL, fetch: fetch as typeof globalThis.fetch, rateLimit: false, retry: false });
  const query = () => {
    const url = urls.at(-1) ?? "";
    const at = url.indexOf("?");
    return at === -1 ? "" : url.slice(at + 1);
  };
  return { client, urls, query };
}

describe("query strings for filters, sorts and includes", () => {
  it("serialises filters as filter[key]=value, includes comma-joined and the sort key, in the order given", async () => {
    const { client, query } = capturingClient();
    await client.GET("/project", {
      params: { query: { filter: { is_archived: true, company: "PQYLdqm4wR" }, include: ["company.media", "owner.user"], sort: "-created_at" } },
    });
    expect(query()).toBe("filter[is_archived]=true&filter[company]=PQYLdqm4wR&include=company.media,owner.user&sort=-created_at");
  });

  it("keeps brackets and the include commas literal, and percent-encodes commas inside filter values", async () => {
    const { client, urls, query } = capturingClient();
    await client.GET("/project", { params: { query: { page: 2, filter: { custom_field: "my_internal_id,42", billing_type: "flat" } } } });
    // PHP decodes %2C back to "," before the filter sees it, so "my_internal_id,42" arrives intact.
    expect(query()).toBe("page=2&filter[custom_field]=my_internal_id%2C42&filter[billing_type]=flat");
    expect(urls.at(-1)).toBe(`${BASE_URL}/project?page=2&filter[custom_field]=my_internal_id%2C42&filter[billing_type]=flat`);
  });

  it("sends DateRange and NumberRange filters as start,end and min,max", async () => {
    const { client, query } = capturingClient();
    await client.GET("/time", { params: { query: { filter: { date_range: "2024-01-01,2024-12-31", own: false }, sort: "tracked_at" } } });
    expect(query()).toBe("filter[date_range]=2024-01-01%2C2024-12-31&filter[own]=false&sort=tracked_at");
    await client.GET("/invoice", { params: { query: { filter: { status: "overdue", total_range: "100,5000", net_total_range: "100" }, sort: "-issued_at" } } });
    expect(query()).toBe("filter[status]=overdue&filter[total_range]=100%2C5000&filter[net_total_range]=100&sort=-issued_at");
  });

  it("encodes free text in filter values (spaces as %20, UTF-8 bytes)", async () => {
    const { client, query } = capturingClient();
    await client.GET("/project", { params: { query: { filter: { search: "CMS Upgrade & Zürich" } } } });
    expect(query()).toBe("filter[search]=CMS%20Upgrade%20%26%20Z%C3%BCrich");
  });

  it("sends includes on a single object too, and leaves out empty includes and unset filters", async () => {
    const { client, urls, query } = capturingClient();
    await client.GET("/project/{id}", { params: { path: { id: "EO6YGvqMRV" }, query: { include: ["company.media", "owner.user", "assignedMembers.user.media"] } } });
    expect(urls.at(-1)).toBe(`${BASE_URL}/project/EO6YGvqMRV?include=company.media,owner.user,assignedMembers.user.media`);
    await client.GET("/project", { params: { query: { include: [], filter: { own: true } } } });
    expect(query()).toBe("filter[own]=true");
    // an undefined key inside the filter object is left out (bare openapi-fetch 0.17 would leave a stray "&")
    await client.GET("/project", { params: { query: { filter: { status: undefined, own: true } } } });
    expect(query()).toBe("filter[own]=true");
  });

  it("joins appends like includes, and puts an integer member id in the path", async () => {
    const { client, urls, query } = capturingClient();
    await client.GET("/company", { params: { query: { filter: { tags: "vip,partner", is_archived: false }, append: ["billing", "income_total"], sort: "name" } } });
    expect(query()).toBe("filter[tags]=vip%2Cpartner&filter[is_archived]=false&append=billing,income_total&sort=name");
    await client.GET("/member/{id}", { params: { path: { id: 123 }, query: { include: ["user.media"] } } });
    expect(urls.at(-1)).toBe(`${BASE_URL}/member/123?include=user.media`);
  });

  it("bare openapi-fetch (no meta) repeats include=, which Laravel would read as its last value only", async () => {
    const { client, query } = capturingClient({ defaultSerializer: true });
    await client.GET("/project", { params: { query: { include: ["company.media", "owner.user"] } } });
    expect(query()).toBe("include=company.media&include=owner.user");
  });

  it("types the allowed filters, sorts and includes per resource", async () => {
    const { client, query } = capturingClient();
    // @ts-expect-error: not a project filter (the page's "contactId" is the filter `contact` of type Id)
    await client.GET("/project", { params: { query: { filter: { contactId: "PQYLdqm4wR" } } } });
    // @ts-expect-error: `due_at` is an invoice sort, not a project sort
    await client.GET("/project", { params: { query: { sort: "-due_at" } } });
    // @ts-expect-error: `lockedTimes` is an invoice include, not a project include
    await client.GET("/project", { params: { query: { include: ["lockedTimes"] } } });
    // @ts-expect-error: is_archived is a Boolean filter
    await client.GET("/project", { params: { query: { filter: { is_archived: "yes" } } } });
    await client.GET("/invoice", { params: { query: { include: ["lockedTimes"], sort: "-due_at" } } });
    expect(query()).toBe("include=lockedTimes&sort=-due_at");
  });
});
