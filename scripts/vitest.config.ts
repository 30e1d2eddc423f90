import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "scripts",
    include: ["**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
  },
});
