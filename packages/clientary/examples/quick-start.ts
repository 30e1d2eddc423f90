// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createClientaryClient } from "@apiforge/clientary";

// https://acme.clientary.com/api/v2 with the token from CLIENTARY_API_TOKEN (Basic auth, token as both halves);
// CLIENTARY_BASE_URL, when set, replaces the whole URL (a mock, a proxy)
const clientary = createClientaryClient({ subdomain: "acme" });

// unwrap: the data, or the typed error (AuthenticationError, NotFoundError, …) thrown
const page = clientary.unwrap(await clientary.GET("/projects"));
console.log(`${page.total_count} projects on ${page.page_count} pages`);
for (const project of page.projects) console.log(project.id, project.name, "for", project.client.name);

// bodies are wrapped in the resource's name; status 1 = Active, dates go out as YYYY-MM-DD
const { data: created } = await clientary.POST("/projects", {
  body: { project: { name: "Website relaunch", rate: 120, client_id: 2123, status: 1, end_date: "2026-12-31" } },
});
console.log("created project", created?.id);
