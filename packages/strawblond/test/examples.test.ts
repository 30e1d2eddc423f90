// The README's examples are type-checked against the source and must appear in README.md verbatim.
import { examplesSuite } from "@apiforge/testkit";

examplesSuite(import.meta.url, { required: ["quick-start.ts", "filtering.ts", "pagination.ts", "webhooks.ts", "errors.ts"] });
