// What a Clientary call puts on the wire (Basic auth with the token as both halves, the account's
// own host) and how its documented failures surface (426 plan limit, 422 validation).
import { startJsonServer, type JsonServer } from "@apiforge/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { ClientConfigError, createClientaryClient, PlanLimitError, ValidationError } from "../src/index.js";

describe("createClientaryClient: host and credentials", () => {
  it("calls https://<subdomain>.clientary.com/api/v2 with Basic base64(token:token)", async () => {
    const seen: Request[] = [];
    const fetch = async (request: Request) => {
      seen.push(request);
      return Response.json({ page_count: 0, page_size: 10, total_count: 0, clients: [] });
    };
    const clientary = createClientaryClient({ subdomain: "acme", token: "s3cr3t", env: {}, fetch: fetch as typeof globalThis.fetch });
    await clientary.GET("/clients");
    expect(clientary.baseUrl).toBe("https://acme.clientary.com/api/v2");
    expect(seen.map((r) => r.url)).toEqual(["https://acme.clientary.com/api/v2/clients"]);
    expect(seen[0]?.headers.get("authorization")).toBe(`Basic ${Buffer.from("s3cr3t:s3cr3t").toString("base64")}`);
    expect(seen[0]?.headers.get("authorization")).toBe("Basic czNjcjN0OnMzY3IzdA==");
  });

  it("reads the token from CLIENTARY_API_TOKEN", async () => {
    const seen: Request[] = [];
    const fetch = async (request: Request) => {
      seen.push(request);
      return Response.json({});
    };
    const clientary = createClientaryClient({ subdomain: "acme", env: { CLIENTARY_API_TOKEN: "from-env" }, fetch: fetch as typeof globalThis.fetch });
    await clientary.GET("/clients/{id}", { params: { path: { id: 1 } } });
    expect(seen[0]?.headers.get("authorization")).toBe(`Basic ${btoa("from-env:from-env")}`);
  });

  it.each(["acme.evil.com", "https://acme.clientary.com", "acme/", "-acme", "a".repeat(64), "acme corp"])("refuses the subdomain %j at construction", (subdomain) => {
    expect(() => createClientaryClient({ subdomain, token: "t", env: {} })).toThrow(ClientConfigError);
    expect(() => createClientaryClient({ subdomain, token: "t", env: {} })).toThrow(/`subdomain` must be a valid host label.*e\.g\. "acme"/);
  });
});

describe("Clientary errors", () => {
  let server: JsonServer | undefined;
  afterEach(() => server?.close());

  it("426 → PlanLimitError with the server's message", async () => {
    server = await startJsonServer(() => ({ status: 426, body: { error: "Your plan does not allow more clients." } }));
    const clientary = createClientaryClient({ baseUrl: server.url, token: "t", env: {}, throwOnError: true });
    const err = await clientary.POST("/clients", { body: { client: { name: "ACME Corp" } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanLimitError);
    expect((err as PlanLimitError).status).toBe(426);
    expect((err as PlanLimitError).message).toContain("Your plan does not allow more clients.");
    expect(server.requests).toHaveLength(1); // a plan limit is not retried
  });

  it("422 → ValidationError carrying each field and message the server sent", async () => {
    server = await startJsonServer(() => ({ status: 422, body: { errors: { number: ["has already been taken"], rate: ["can't be blank"] } } }));
    const clientary = createClientaryClient({ baseUrl: server.url, token: "t", env: {} });
    const { error, response } = await clientary.POST("/projects", { body: { project: { name: "Website", rate: 0, number: "P-1" } } });
    expect(response.status).toBe(422);
    expect(error).toEqual({ errors: { number: ["has already been taken"], rate: ["can't be blank"] } });
    let err: unknown;
    try {
      clientary.unwrap(await clientary.POST("/projects", { body: { project: { name: "Website", rate: 0, number: "P-1" } } }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).errors).toEqual([
      { field: "number", message: "has already been taken" },
      { field: "rate", message: "can't be blank" },
    ]);
    expect(JSON.parse(server.requests[0]?.body ?? "")).toEqual({ project: { name: "Website", rate: 0, number: "P-1" } });
  });
});
