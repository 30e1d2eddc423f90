import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "scripts",
    include: ["**/*.test.ts"],
    // child-process heavy (tsc, turbo, npm, Prism) and run beside other files: generous limits
    testTimeout: 180_000,
    hookTimeout: 180_000,
    env: { TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
  },
});
