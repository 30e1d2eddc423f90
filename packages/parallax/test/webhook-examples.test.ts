// Every webhook topic in the spec: its documented example, signed as the docs describe, verifies
// and comes back typed with the topic it was declared under.
import { createHmac } from "node:crypto";
import { contractApiFor, deref, loadSpec } from "@apiforge/testkit";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "../src/index.js";

const doc = loadSpec(contractApiFor(import.meta.url).specFile);
const topics = Object.entries<Record<string, any>>(doc.webhooks ?? {}).map(([topic, item]) => {
  const content = deref(doc, item.post.requestBody).content["application/json"];
  const example = content.example ?? Object.values<{ value: unknown }>(content.examples ?? {})[0]?.value;
  return [topic, example] as const;
});

describe("webhook examples of the spec", () => {
  it("documents the seven topics of the fact sheet", () => {
    expect(topics.map(([t]) => t)).toEqual([
      "project.created",
      "project.modified",
      "projectoffering.created",
      "projectoffering.modified",
      "projectoffering.deleted",
      "projectofferingrole.created",
      "projectofferingrole.modified",
    ]);
  });

  it.each(topics)("%s verifies and keeps its Topic", async (topic, example) => {
    const rawBody = JSON.stringify(example);
    const timestamp = "1741003200";
    const signature = `sha256=${createHmac("sha256", "whsec").update(`${timestamp}.${rawBody}`).digest("hex")}`;
    const event = await verifyWebhook({
      rawBody,
      headers: { "X-Parallax-Signature": signature, "X-Parallax-Timestamp": timestamp },
      secret: "whsec",
      now: Number(timestamp) * 1000,
    });
    expect(event.Topic).toBe(topic);
    expect(event).toEqual(example);
  });
});
