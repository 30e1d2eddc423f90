// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { AuthenticationError, createStrawblondClient, NotFoundError, PermissionDeniedError, ValidationError } from "@apiforge/strawblond";

// throwOnError: GET/POST/… throw the typed error instead of returning { error }
const blond = createStrawblondClient({ throwOnError: true });

try {
  await blond.POST("/project/{id}/merge", { params: { path: { id: "EO6YGvqMRV" } }, body: { target_project_id: "PQYLdqm4wR", move_sub_projects: false } });
} catch (err) {
  // 422: err.message already lists "field: message" for each problem; err.errors has them as data
  if (err instanceof ValidationError) for (const { field, message } of err.errors) console.error(field, message);
  // 403: merging needs the key's user to have the supervise permission
  else if (err instanceof PermissionDeniedError) console.error("not allowed:", err.message);
  else if (err instanceof NotFoundError) console.error("no such project");
  else if (err instanceof AuthenticationError) console.error("check STRAWBLOND_API_KEY");
  else throw err;
}
