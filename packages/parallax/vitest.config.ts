import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "parallax",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // one Prism mock of spec/parallax/openapi.yaml for test/contract (URL via inject("prismUrl")),
    // started by the shared contract testkit like every API package's
    globalSetup: ["@apiforge/testkit/global-setup"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts", "src/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  },
});
