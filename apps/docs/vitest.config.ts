import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "docs",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    // beforeAll may build the site (~30 s on a busy machine) before the browser starts
    hookTimeout: 120_000,
    env: { NO_COLOR: "1" },
  },
});
