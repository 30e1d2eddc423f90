// The README's examples are type-checked against the source and must appear in README.md verbatim
// (the check lives in @apiforge/testkit); the broken copy asks for a path the spec does not have.
import { examplesSuite } from "@apiforge/testkit";

examplesSuite(import.meta.url, {
  required: ["quick-start.ts", "pagination.ts", "bulk.ts", "webhooks.ts", "errors.ts"],
  mutation: { file: "quick-start.ts", from: '"/v1/roles/{id}"', to: '"/v1/no-such-path/{id}"', expected: /no-such-path/ },
});
