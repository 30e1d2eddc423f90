import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "parallax",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts", "src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
