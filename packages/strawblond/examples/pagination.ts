// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createStrawblondClient } from "@apiforge/strawblond";

const blond = createStrawblondClient();

// every active project, 50 per page (the API's fixed size), while links.next is set; filters,
// includes and sorting stay on every page, and nothing is requested after the last one
for await (const project of blond.paginate("/project", { params: { query: { filter: { status: "active" }, sort: "name" } } })) {
  console.log(project.id, project.name);
}

// stop after 200 invoices; page by page with the envelope's meta
const invoices = blond.paginate("/invoice", undefined, { maxItems: 200 });
for await (const page of invoices.pages()) console.log(`page ${page.page.meta.current_page} of ${page.page.meta.last_page}`);
