// A Laravel 422 `{ message, errors: { field: [messages] } }` becomes a ValidationError whose message
// names every failing field with its messages (the shape is inferred: StrawBlond documents no errors).
import { type JsonServer, startJsonServer } from "@apiforge/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createStrawblondClient, NotFoundError, ValidationError } from "../src/index.js";

let server: JsonServer | undefined;
afterEach(() => server?.close());

describe("StrawBlond errors", () => {
  it("422 → ValidationError listing each field and its messages", async () => {
    const body = {
      message: "The name field is required. (and 1 more error)",
      errors: { name: ["The name field is required."], "filter.company": ["The selected filter.company is invalid.", "The filter.company must be 10 characters."] },
    };
    server = await startJsonServer(() => ({ status: 422, body }));
    const blond = createStrawblondClient({ baseUrl: server.url, apiKey: "key", env: {}, throwOnError: true });
    const err = await blond.POST("/project", { body: { name: "" } as never }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const { errors, message, status } = err as ValidationError;
    expect(status).toBe(422);
    expect(errors).toEqual([
      { field: "name", message: "The name field is required." },
      { field: "filter.company", message: "The selected filter.company is invalid." },
      { field: "filter.company", message: "The filter.company must be 10 characters." },
    ]);
    // each field beside its messages (sentence ends are the runtime's to place)
    expect(message).toContain("name: The name field is required");
    expect(message).toContain("filter.company: The selected filter.company is invalid");
    expect(message).toContain("filter.company: The filter.company must be 10 characters");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer key");
  });

  it("404 `{ message }` → NotFoundError with the server's message", async () => {
    server = await startJsonServer(() => ({ status: 404, body: { message: "No query results for model [App\\Models\\Project] PQYLdqm4wR" } }));
    const blond = createStrawblondClient({ baseUrl: server.url, apiKey: "key", env: {}, throwOnError: true });
    const err = await blond.GET("/project/{id}", { params: { path: { id: "PQYLdqm4wR" } } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toContain("No query results for model");
  });
});
