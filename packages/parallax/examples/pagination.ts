// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createParallaxClient, type PaginationCheckpoint } from "@apiforge/parallax";

const parallax = createParallaxClient();

// every person, 500 per request, fetched as the loop asks for more
for await (const person of parallax.paginate("/v1/people", { params: { query: { archived: false } } })) {
  console.log(person.id, person.given_name);
}

// what a listing will cost before running it (one request with page_size=1 reads `total`)
const offerings = parallax.paginate("/v1/projects/{project_id}/offerings", { params: { path: { project_id: "p-1" } } });
const { requests, windowShare } = await offerings.estimate();
console.log(`${requests} requests, ${Math.round((windowShare ?? 0) * 100)} % of the rate-limit window`);

// stop early, save where we are, resume later (e.g. in the next job run)
const firstRun = parallax.paginate("/v1/roles", undefined, { maxPages: 10 });
const roles = await firstRun.toArray();
const saved: string = JSON.stringify(firstRun.checkpoint);
console.log(roles.length, "roles; duplicates dropped:", firstRun.stats.duplicatesDropped);

const rest = parallax.paginate("/v1/roles", undefined, { resumeFrom: JSON.parse(saved) as PaginationCheckpoint });
for await (const page of rest.pages()) console.log(`page ${page.page.page} of ${page.page.total_pages}: ${page.items.length} roles`);
