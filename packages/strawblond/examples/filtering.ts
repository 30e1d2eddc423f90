// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createStrawblondClient } from "@apiforge/strawblond";

const blond = createStrawblondClient();

// GET /project?filter[is_archived]=true&filter[company]=PQYLdqm4wR&include=company.media,owner.user&sort=-created_at
// filter: one typed key per documented filter; include: the documented relations, comma-joined;
// sort: a documented field, "-" for descending. A filter, relation or sort the docs do not list does not compile.
const archived = blond.unwrap(
  await blond.GET("/project", {
    params: { query: { filter: { is_archived: true, company: "PQYLdqm4wR" }, include: ["company.media", "owner.user"], sort: "-created_at" } },
  }),
);
for (const project of archived.data) console.log(project.name, project.owner?.id);

// DateRange filters are "start,end"; custom fields "key,value"
const january = blond.unwrap(
  await blond.GET("/time", {
    params: { query: { filter: { date_range: "2026-01-01,2026-01-31", is_accountable: true, custom_field: "po_number,4711" }, include: ["rate"], sort: "tracked_at" } },
  }),
);
console.log(january.meta.total, "accountable entries in January");
