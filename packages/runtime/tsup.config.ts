import { defineConfig } from "tsup";

export default defineConfig({
  // One output file per source module (no bundling): an app's bundler then sees the real module
  // graph, so what a client does not use tree-shakes away and what it loads lazily (the pagination
  // engine, OAuth2) is split into its own chunk. Bundled into one file, the dynamic imports had
  // nothing left to split (bench/bundle.ts). Types stay one bundled file per entry.
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/*.test-d.ts", "!src/**/*.test-helper.ts"],
  bundle: false,
  format: ["esm"],
  dts: { entry: ["src/index.ts", "src/redis.ts", "src/sdk-exports.ts"] },
  sourcemap: true,
  clean: true,
  target: "node20",
});
