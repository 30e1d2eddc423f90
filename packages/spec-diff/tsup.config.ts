import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts", "src/bin.ts"],
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "node20",
  // the bin is what `npx @apiforge/spec-diff` runs: one plain JS file with the YAML parser inlined,
  // so start-up resolves no module through node_modules (Redocly's bundler loads only when needed)
  splitting: false,
  noExternal: ["js-yaml"],
});
