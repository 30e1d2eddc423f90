// The README's examples are type-checked against the source and must appear in README.md verbatim;
// the quick start runs against Prism given only the base URL and the token.
import { examplesSuite } from "@apiforge/testkit";

examplesSuite(import.meta.url, {
  required: ["quick-start.ts", "pagination.ts", "errors.ts"],
  quickStartEnv: (url) => ({ CLIENTARY_BASE_URL: url, CLIENTARY_API_TOKEN: "any-token" }),
});
