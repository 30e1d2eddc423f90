import { describe, expect, it } from "vitest";
import { querySerializerFor } from "./query.js";

describe("querySerializerFor", () => {
  it("keeps openapi-fetch's own serializer when the spec declares no special style", () => {
    expect(querySerializerFor(undefined)).toBeUndefined();
  });

  it("joins an explode:false array with commas, keeps deepObject filters and drops undefined members", () => {
    const serialize = querySerializerFor({ include: { style: "form", explode: false } })!;
    const q = serialize({ filter: { is_archived: true, company: "PQYLdqm4wR", owner: undefined }, include: ["company.media", "owner.user"], sort: "-created_at", page: undefined });
    expect(q).toBe("filter[is_archived]=true&filter[company]=PQYLdqm4wR&include=company.media,owner.user&sort=-created_at");
  });

  it("serialises other array styles as declared and leaves undeclared arrays exploded", () => {
    const serialize = querySerializerFor({ ids: { style: "pipeDelimited", explode: false } })!;
    expect(serialize({ ids: [1, 2], tags: ["a", "b"], empty: [] })).toBe("ids=1|2&tags=a&tags=b");
  });
});
