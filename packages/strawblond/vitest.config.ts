import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "strawblond",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // one Prism mock of spec/strawblond/ for the contract suite (URL via inject("prismUrl"))
    globalSetup: ["@apiforge/testkit/global-setup"],
  },
});
