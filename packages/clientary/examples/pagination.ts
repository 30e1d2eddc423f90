// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createClientaryClient } from "@apiforge/clientary";

const clientary = createClientaryClient({ subdomain: "acme" });

// every project, 20 per page (Clientary's default for this listing): page 1, 2, … until page_count
for await (const project of clientary.paginate("/projects")) console.log(project.number, project.name);

// a client's invoices: path parameters once, kept on every page; stop after 100
const invoices = await clientary.paginate("/clients/{client_id}/invoices", { params: { path: { client_id: 2123 } } }, { maxItems: 100 }).toArray();
console.log(invoices.length, "invoices");

// contacts take page_size (at most 100): paginate() asks for 100 at a time
const contacts = clientary.paginate("/contacts");
for await (const page of contacts.pages()) console.log(`page of ${page.items.length} contacts, ${page.page.total_count} in all`);
