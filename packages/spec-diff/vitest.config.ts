import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "spec-diff",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // the CLI tests run the built bin, as `npx` would: build it once before them
    globalSetup: ["./test/support/build.ts"],
    env: { NO_COLOR: "1" },
  },
});
