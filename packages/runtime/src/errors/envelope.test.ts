// Each vendor's error body, mapped through its envelope meta into the typed error's fields and message.
import { describe, expect, it } from "vitest";
import type { ErrorsMeta } from "../api-meta.js";
import { ApiError, errorFromResponse, NotFoundError, PlanLimitError, sentence, ValidationError } from "../errors.js";
import { parseErrorBody } from "./envelope.js";

// Sage Intacct: three shapes seen in the wild, tried in this order
const sage: ErrorsMeta = {
  envelopes: [
    { root: "ia::result.ia::error", message: "message", code: "code", errorId: "errorId", details: "details", requestId: "supportId" },
    { root: "ia::error", message: "message", code: "code", errorId: "errorId", details: "details", requestId: "supportId" },
    { root: "error", message: "message", code: "code", requestId: "supportId" },
  ],
};
// Laravel (StrawBlond): `{ message, errors: { field: [messages] } }`
const laravel: ErrorsMeta = { envelopes: [{ root: "", message: "message", details: "errors" }], requestIdHeader: "X-Request-Id" };
// Parallax: a problem document whose support id is `trace_id`
const parallax: ErrorsMeta = { envelopes: [{ root: "", message: "title", details: "errors", requestId: "trace_id" }] };

const init = (status: number, body: unknown, errors: ErrorsMeta, headers: Record<string, string> = {}) => ({
  status, body, errors, headers, method: "POST", path: "/objects/projects/project", host: "api.example.test", attempts: 1,
});

describe("Sage envelopes", () => {
  const detail = { code: "requiredField", message: "id is required", target: "id", errorId: "E1" };
  it.each([
    ["ia::result.ia::error", { "ia::result": { "ia::error": { code: "invalidRequest", message: "Bad input", errorId: "REST-1001", details: [detail], supportId: "sup-1" } }, "ia::meta": { totalCount: 1 } }],
    ["top-level ia::error", { "ia::error": { code: "invalidRequest", message: "Bad input", errorId: "REST-1001", details: [detail], supportId: "sup-1" } }],
  ])("%s → code, errorId, details and supportId as requestId", (_, body) => {
    const e = errorFromResponse(init(400, body, sage)) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toMatchObject({ code: "invalidRequest", errorId: "REST-1001", requestId: "sup-1" });
    expect(e.details).toEqual([{ field: "id", message: "id is required", code: "requiredField" }]);
    expect(e.errors).toEqual(e.details);
    expect(e.message).toContain("POST /objects/projects/project failed with 400: Bad input [invalidRequest]. Problems: id: id is required.");
  });

  it("{error: {code, message, supportId}}", () => {
    const e = errorFromResponse(init(404, { error: { code: "notFound", message: "No such project.", supportId: "sup-9" } }, sage));
    expect(e).toBeInstanceOf(NotFoundError);
    expect(e).toMatchObject({ code: "notFound", requestId: "sup-9", details: [] });
  });
});

describe("Laravel envelope", () => {
  it("a 422 lists every failing field and message in the error's message", () => {
    const body = { message: "The name field is required. (and 1 more error)", errors: { name: ["The name field is required."], rate: ["The rate must be a number."] } };
    const e = errorFromResponse(init(422, body, laravel, { "x-request-id": "req-7" })) as ValidationError;
    expect(e.errors).toEqual([
      { field: "name", message: "The name field is required." },
      { field: "rate", message: "The rate must be a number." },
    ]);
    expect(e.requestId).toBe("req-7");
    expect(e.message).toBe(
      "POST /objects/projects/project failed with 422: The name field is required. (and 1 more error). Problems: name: The name field is required; rate: The rate must be a number. Answered by api.example.test after 1 attempt. Fix the request fields listed in `errors` and send it again.",
    );
  });

  it("an object body without any envelope field falls back to the generic reading", () => {
    expect(parseErrorBody({ foo: 1 }, laravel)).toBeUndefined();
    expect(errorFromResponse(init(500, { title: "Oops" }, laravel)).message).toContain("failed with 500: Oops.");
  });
});

describe("Parallax envelope", () => {
  it("takes trace_id from the body as the request id", () => {
    const e = errorFromResponse(init(404, { title: "Not Found", detail: "No project 7.", trace_id: "00-abc-01" }, parallax));
    expect(e.requestId).toBe("00-abc-01");
    expect(e.message).toMatch(/^POST \/objects\/projects\/project failed with 404: Not Found: No project 7\. Answered by api\.example\.test after 1 attempt\. Check the ids/);
  });

  it("the API's request-id header wins over the body", () => {
    const e = errorFromResponse(init(404, { detail: "x", trace_id: "body-id" }, { ...parallax, requestIdHeader: "X-Trace" }, { "x-trace": "hdr-id" }));
    expect(e.requestId).toBe("hdr-id");
  });
});

describe("messages", () => {
  it("426 says the account's plan limit was reached", () => {
    const e = errorFromResponse(init(426, { message: "Upgrade required" }, laravel));
    expect(e).toBeInstanceOf(PlanLimitError);
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toContain("The account's plan limit was reached");
  });

  it.each([401, 403, 404, 409, 422, 426, 429, 500, 418])("%i ends in exactly one period, with method, host+path and attempts", (status) => {
    for (const body of [{ message: "Ends with a dot." }, { message: "No dot" }, { message: "Many..." }, "plain text.", undefined]) {
      const e = errorFromResponse({ ...init(status, body, laravel), attempts: 3 });
      expect(e.message).toMatch(/[^.]\.$/);
      expect(e.message).not.toMatch(/\.\./);
      expect(e.message).toContain("POST /objects/projects/project failed with");
      expect(e.message).toContain("api.example.test after 3 attempts.");
    }
  });

  it("sentence() collapses trailing dots", () => {
    expect(sentence("a.. ")).toBe("a.");
    expect(sentence("b")).toBe("b.");
    expect(sentence("")).toBe("");
  });
});
