// The README's examples are type-checked against the source and must appear in README.md verbatim;
// the quick start runs against Prism given only the base URL and a ready access token.
import { examplesSuite } from "@apiforge/testkit";

examplesSuite(import.meta.url, {
  required: ["quick-start.ts"],
  quickStartEnv: (url) => ({ SAGE_INTACCT_BASE_URL: url, SAGE_INTACCT_ACCESS_TOKEN: "mock-access-token" }),
});
