// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { AuthenticationError, createClientaryClient, PlanLimitError, ValidationError } from "@apiforge/clientary";

// throwOnError: GET/POST/… throw the typed error instead of returning { error }
const clientary = createClientaryClient({ subdomain: "acme", throwOnError: true });

try {
  await clientary.POST("/clients", { body: { client: { name: "ACME Corp", number: "C-001" } } });
} catch (err) {
  // 426: the account's plan allows no more records of this kind
  if (err instanceof PlanLimitError) console.error("plan limit reached:", err.message);
  // 422: a required field missing or a unique one (such as `number`) taken
  else if (err instanceof ValidationError) for (const issue of err.errors) console.error(issue.field, issue.message);
  else if (err instanceof AuthenticationError) console.error("check CLIENTARY_API_TOKEN and the subdomain");
  else throw err;
}
