import { describe, expect, it } from "vitest";
import type { PaginationMeta, PaginationStyle } from "../api-meta.js";
import { STRATEGIES, strategyFor } from "./registry.js";

describe("strategyFor", () => {
  it("has one strategy per style", () => {
    const styles: PaginationStyle[] = ["page-number", "page-count", "links-next", "body-start-size", "page-per-page", "cursor", "offset-limit", "next-url", "link-header"];
    expect(Object.keys(STRATEGIES).sort()).toEqual([...styles].sort());
  });

  it("refuses an unknown style, naming the known ones", () => {
    expect(() => strategyFor({ style: "tokens", itemsPath: "" } as unknown as PaginationMeta)).toThrow(/Unknown pagination style "tokens".*page-number/);
  });
});
