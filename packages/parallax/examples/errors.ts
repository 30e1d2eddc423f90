// biome-ignore-all lint/suspicious/noConsole: an example program, printing is its output
import { createParallaxClient, NotFoundError, RateLimitError, ValidationError } from "@apiforge/parallax";

// throwOnError: GET/POST/… throw the typed error instead of returning { error }
const parallax = createParallaxClient({ throwOnError: true, timeoutMs: 10_000, retry: { maxRetries: 3 } });

try {
  await parallax.PATCH("/v1/people/{id}", { params: { path: { id: "p-1" } }, body: { capacity: 0.8 } });
} catch (err) {
  if (err instanceof ValidationError) console.error(err.status, err.errors);
  else if (err instanceof NotFoundError) console.error("no such person", err.requestId);
  else if (err instanceof RateLimitError) console.error("still rate limited; retry in", err.retryAfterMs, "ms");
  else throw err;
}
