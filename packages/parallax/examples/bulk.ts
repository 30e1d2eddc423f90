// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createParallaxClient } from "@apiforge/parallax";

const parallax = createParallaxClient();
const slot = { params: { path: { project_id: "p-1", project_offering_id: "o-1", id: "r-1" } } };

// a year of planned days: sent as chunks of at most 100 (the spec's maxItems), in order
const days = Array.from({ length: 365 }, (_, i) => ({
  plan_date: new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
  hours: 6,
}));

const result = await parallax.bulk.CreateProjectOfferingRolePlans(slot, days);
if (!result.ok) {
  console.error(`chunk ${result.failedChunk} failed after ${result.written} days:`, result.error);
  // later: send only what is left
  await parallax.bulk.CreateProjectOfferingRolePlans(slot, result.remaining);
}
