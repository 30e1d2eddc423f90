// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createStrawblondClient } from "@apiforge/strawblond";

// apiKey defaults to process.env.STRAWBLOND_API_KEY (sent as a Bearer token);
// baseUrl to STRAWBLOND_BASE_URL, else https://api.blond.swiss/api
const blond = createStrawblondClient();

// unwrap: the data, or the typed error (AuthenticationError, NotFoundError, …) thrown
const page = blond.unwrap(await blond.GET("/project", { params: { query: { filter: { is_archived: false }, include: ["company.media"], sort: "-created_at" } } }));
console.log(`${page.meta.total} open projects`);
for (const project of page.data) console.log(project.id, project.name, "for", project.company?.name);

const created = blond.unwrap(
  await blond.POST("/project", {
    body: { name: "Website relaunch", company_id: "PQYLdqm4wR", member_id: "x9LmQ2pZ7a", starts_at: "2026-01-05", status: "active" },
  }),
);
console.log("created project", created.id);
