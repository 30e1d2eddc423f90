import { defineConfig } from "vitest/config";

// One runner for the whole monorepo: each folder with tests is a project with its own config.
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "scripts/vitest.config.ts", "bench/vitest.config.ts"],
  },
});
