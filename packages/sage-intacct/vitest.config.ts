import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "sage-intacct",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // one Prism mock of spec/sage-intacct/ for the contract suite (URL via inject("prismUrl"))
    globalSetup: ["@apiforge/testkit/global-setup"],
  },
});
