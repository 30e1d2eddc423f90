import { describe, expect, it } from "vitest";
import { UsageError } from "./context.js";
import { rateLimitOption } from "./rate-limit-option.js";
import { parsePairs, readData } from "./request-input.js";

describe("name=value flags", () => {
  it("splits at the first =, repeats become arrays, name[key] nests", () => {
    expect(parsePairs("query", ["a=1", "b=x=y", "a=2", "filter[status]=open", "filter[owner]=me"])).toEqual({ a: ["1", "2"], b: "x=y", filter: { status: "open", owner: "me" } });
  });

  it("a pair without a separator is a usage error naming the flag", () => {
    expect(() => parsePairs("param", ["id"])).toThrow(/--param "id" is not name=value/);
  });
});

describe("--data", () => {
  it("reads inline JSON, stdin (-), and says which source is not JSON", () => {
    expect(readData('{"a":1}', () => "")).toEqual({ a: 1 });
    expect(readData("-", () => "[1,2]")).toEqual([1, 2]);
    expect(() => readData("-", () => "{oops")).toThrow(/stdin is not valid JSON/);
    expect(() => readData("@/nonexistent/body.json", () => "")).toThrow(UsageError);
  });
});

describe("--rate-limit", () => {
  it.each([
    ["100/60s", { limit: 100, windowMs: 60_000 }],
    ["5/s", { limit: 5, windowMs: 1000 }],
    ["20/2000ms", { limit: 20, windowMs: 2000 }],
    ["1000/1h", { limit: 1000, windowMs: 3_600_000 }],
    ["off", false],
  ] as const)("%s", (value, want) => expect(rateLimitOption(value)).toEqual(want));

  it("refuses what is not requests/window", () => {
    expect(() => rateLimitOption("fast")).toThrow(/requests\/window/);
    expect(() => rateLimitOption("0/1s")).toThrow(UsageError);
  });
});
