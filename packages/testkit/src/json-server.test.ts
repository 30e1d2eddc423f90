import { afterEach, describe, expect, it } from "vitest";
import { type JsonServer, makeItems, startJsonServer } from "./json-server.js";

describe("startJsonServer", () => {
  let server: JsonServer | undefined;
  afterEach(() => server?.close());

  it("answers with the handler's status and JSON body and records each request", async () => {
    server = await startJsonServer((req) => ({ status: req.method === "POST" ? 422 : 200, body: { echo: req.body, page: req.url.searchParams.get("page") } }));
    const res = await fetch(`${server.url}/clients?page=2`, { method: "POST", body: "hi", headers: { authorization: "Basic x" } });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ echo: "hi", page: "2" });
    expect(server.requests.map((r) => [r.method, r.url.pathname, r.headers.authorization])).toEqual([["POST", "/clients", "Basic x"]]);
  });

  it("turns a throwing handler into a 599 naming the cause", async () => {
    server = await startJsonServer(() => {
      throw new Error("boom");
    });
    const res = await fetch(server.url);
    expect([res.status, await res.text()]).toEqual([599, "Error: boom"]);
  });
});

describe("makeItems", () => {
  it("gives unique ids, numbers by default", () => {
    expect(makeItems(2)).toEqual([{ id: 1, name: "Item 1" }, { id: 2, name: "Item 2" }]);
    expect(makeItems(1, (i) => `ab${i}`)[0]?.id).toBe("ab0");
  });
});
