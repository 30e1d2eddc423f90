import { defineConfig } from "vitest/config";

// the benchmarks' helpers (report renderer); the benchmarks themselves run through `pnpm bench`
export default defineConfig({
  test: { name: "bench", include: ["**/*.test.ts"] },
});
