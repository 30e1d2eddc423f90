// The README's examples are type-checked against the source and must appear in README.md verbatim;
// the quick start runs against Prism given only the base URL and the API key.
import { examplesSuite } from "@apiforge/testkit";

examplesSuite(import.meta.url, {
  required: ["quick-start.ts", "filtering.ts", "pagination.ts", "webhooks.ts", "errors.ts"],
  quickStartEnv: (url) => ({ STRAWBLOND_BASE_URL: url, STRAWBLOND_API_KEY: "any-key" }),
});
