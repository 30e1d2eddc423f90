import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "docs",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // the per-API browser checks take 15–35 s alone; the margin is for a busy machine during `pnpm test`
    testTimeout: 120_000,
    // beforeAll may build the site (~30 s on a busy machine) before the browser starts
    hookTimeout: 120_000,
    env: { NO_COLOR: "1" },
  },
});
