// The SDK reference: TypeDoc over each package's public entry (src/index.ts), one module per package.
// The generated `paths`/`components`/`operations`/`webhooks` types are left out: they are the spec
// again (the API page renders it) and made TypeDoc ~10x slower and its output ~130 MB.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Application, type ProjectReflection } from "typedoc";

/** One entry file per package: its index.ts without the generated-schema re-export, named by a @module tag. */
export function writeSdkEntries(root: string, packageDirs: string[], cacheDir: string): string[] {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  return packageDirs.map((dir) => {
    const pkgName = JSON.parse(readFileSync(path.join(root, dir, "package.json"), "utf8")).name as string;
    const srcDir = path.join(root, dir, "src");
    const source = readFileSync(path.join(srcDir, "index.ts"), "utf8");
    const body = source
      // export … from "./generated/schema.js"; (one statement, possibly over several lines)
      .replace(/export\s+(type\s+)?\{[^}]*\}\s+from\s+["']\.\/generated\/schema\.js["'];?\n?/g, "")
      .replace(/(from\s+["'])(\.{1,2}\/[^"']+)(["'])/g, (_m, a: string, spec: string, b: string) => {
        const target = path.relative(cacheDir, path.join(srcDir, spec)).split(path.sep).join("/");
        return `${a}${target.startsWith(".") ? target : `./${target}`}${b}`;
      });
    const file = path.join(cacheDir, `${path.basename(dir)}.ts`);
    writeFileSync(file, `/**\n * ${pkgName}\n * @module ${pkgName}\n */\n${body}`);
    return file;
  });
}

export interface SdkBuild {
  modules: string[];
  ms: number;
}

/** Runs TypeDoc into outDir; throws when TypeDoc reports errors. */
export async function buildSdkReference(root: string, packageDirs: string[], cacheDir: string, outDir: string): Promise<SdkBuild> {
  const t0 = performance.now();
  const entryPoints = writeSdkEntries(root, packageDirs, cacheDir);
  const tsconfig = path.join(cacheDir, "tsconfig.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({ extends: path.relative(cacheDir, path.join(root, "tsconfig.base.json")), compilerOptions: { noEmit: true }, files: entryPoints.map((f) => path.basename(f)) }, null, 2),
  );
  const app = await Application.bootstrap({
    entryPointStrategy: "resolve",
    entryPoints,
    tsconfig,
    out: outDir,
    name: "apiforge SDK reference",
    readme: "none",
    // the packages' own tsc runs check types; here only the public surface matters
    skipErrorChecking: true,
    excludeExternals: true,
    excludePrivate: true,
    hideGenerator: true,
    githubPages: false,
    validation: { notExported: false, invalidLink: false, rewrittenLink: false, notDocumented: false, unusedMergeModuleWith: false },
    logLevel: "Error",
  });
  const project: ProjectReflection | undefined = await app.convert();
  if (!project || app.logger.hasErrors()) throw new Error("TypeDoc failed to convert the SDK packages (see the errors above).");
  await app.generateOutputs(project);
  return { modules: (project.children ?? []).map((c) => c.name), ms: performance.now() - t0 };
}
