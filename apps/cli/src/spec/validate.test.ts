import { describe, expect, it } from "vitest";
import { findApi } from "../registry.js";
import { operationsFor, requireOperation } from "./catalog.js";
import { kebab } from "./operations.js";
import { validatorFor } from "./validate.js";

const parallax = findApi("parallax")!;
const op = (name: string) => requireOperation(parallax, name);
const empty = () => ({ path: {}, query: {}, header: {}, body: undefined, hasBody: false });

describe("kebab aliases", () => {
  it.each([
    ["ListActualTime", "list-actual-time"],
    ["listClients", "list-clients"],
    ["post-services-query", "post-services-query"],
    ["GetProjectOfferingMetricsById", "get-project-offering-metrics-by-id"],
    ["getHTTPStatus", "get-http-status"],
  ])("%s → %s", (id, alias) => expect(kebab(id)).toBe(alias));

  it("are unique within every API", () => {
    for (const name of ["clientary", "parallax", "sage-intacct", "strawblond"]) {
      const ops = operationsFor(findApi(name)!);
      expect(new Set(ops.map((o) => o.alias)).size).toBe(ops.length);
    }
  });
});

describe("request validation against the spec", () => {
  it("coerces query strings to the schema's types and keeps valid values", () => {
    const input = { ...empty(), query: { page_size: "50" } as Record<string, unknown> };
    expect(validatorFor(parallax).check(op("ListActualTime"), input)).toEqual([]);
    expect(input.query.page_size).toBe(50);
  });

  it("lists every problem: unknown and out-of-range parameters, missing path parameter, body fields", () => {
    const problems = validatorFor(parallax).check(op("UpdateActualTime"), { ...empty(), query: { nope: "1" }, body: { hours: "x" }, hasBody: true });
    expect(problems).toContain('path parameter "id" is required');
    expect(problems.some((p) => p.startsWith('query parameter "nope" is not declared'))).toBe(true);
    expect(problems).toContain("body.hours: must be number or null");
  });

  it("rejects a body where the operation takes none, and asks for a required one", () => {
    expect(validatorFor(parallax).check(op("GetProject"), { ...empty(), path: { id: "1" }, body: {}, hasBody: true })).toContain("GetProject takes no JSON request body, but --data was given");
    expect(validatorFor(parallax).check(op("CreateProject"), empty()).join("\n")).toMatch(/needs a JSON request body/);
  });

  it("reads every operation of every API's spec (3.1 and 3.0 documents compile)", () => {
    for (const name of ["clientary", "parallax", "sage-intacct", "strawblond"]) {
      const api = findApi(name)!;
      for (const o of operationsFor(api)) expect(() => validatorFor(api).check(o, { ...empty(), body: {}, hasBody: !!o.bodyPointer })).not.toThrow();
    }
  });
});
