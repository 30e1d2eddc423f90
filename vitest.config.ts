import { defineConfig } from "vitest/config";

// One runner for the whole monorepo: each folder with tests is a project with its own config.
// Most slow files wait on child processes (Prism, tsc, npm, chromium), so three files run at once even
// on 2 cores; vitest's default there is one. Projects whose tests measure time opt out with
// `fileParallelism: false` and then run alone, after the rest.
export default defineConfig({
  test: {
    maxWorkers: 3,
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "scripts/vitest.config.ts", "bench/vitest.config.ts"],
  },
});
