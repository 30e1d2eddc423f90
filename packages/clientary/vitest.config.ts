import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "clientary",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // one Prism mock of spec/clientary/ for the contract suite (URL via inject("prismUrl"))
    globalSetup: ["@apiforge/testkit/global-setup"],
  },
});
