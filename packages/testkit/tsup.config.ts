import { defineConfig } from "tsup";

// Built like every package so consumers' tsc sees declarations, not another package's sources.
export default defineConfig({
  entry: ["src/index.ts", "src/global-setup.ts"],
  format: ["esm"],
  // tsup's dts pass defaults to node10 resolution, which cannot see vitest's exports map
  // (global-setup is named by path in vitest configs, never imported for its types)
  dts: { entry: "src/index.ts", compilerOptions: { moduleResolution: "NodeNext", module: "NodeNext" } },
  sourcemap: true,
  clean: true,
  target: "node20",
  // the workspace root's vitest runs the tests; never a bundled copy
  external: ["vitest", "vitest/node"],
});
