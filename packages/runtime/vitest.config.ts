import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "runtime",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    // its tests measure rate-limit windows, pauses and timeouts: run them alone (see the root config)
    fileParallelism: false,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts", "src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
