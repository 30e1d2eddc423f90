// The names one API goes by: folder, npm package, env var, and the Pascal-case client name.
// Everything is checked before anything is written.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import validateNpmName from "validate-npm-package-name";
import { AddRefusedError } from "./errors.ts";

export interface AddNames {
  /** Folder under spec/ and packages/, e.g. `acme-billing`. */
  name: string;
  /** npm name, e.g. `@apiforge/acme-billing`. */
  packageName: string;
  /** Env var that overrides the source URL, e.g. `ACME_BILLING_SPEC_URL`. */
  env: string;
  /** `AcmeBilling`, for `createAcmeBillingClient`. */
  pascal: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ENV = /^[A-Z][A-Z0-9_]*$/;

export function pascalCase(name: string): string {
  return name
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

/** npm name → folder (e.g. `packages/runtime`) of every workspace package. */
export function workspacePackages(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of ["packages", "apps"]) {
    const dir = path.join(root, group);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      const pkg = path.join(dir, entry, "package.json");
      if (existsSync(pkg)) out.set(JSON.parse(readFileSync(pkg, "utf8")).name, `${group}/${entry}`);
    }
  }
  return out;
}

/** Checks the names and that none is taken; throws AddRefusedError naming the fix. */
export function resolveNames(root: string, name: string, opts: { packageName?: string; env?: string } = {}): AddNames {
  if (!NAME.test(name)) {
    throw new AddRefusedError(
      `"${name}" cannot name an API: use lowercase letters, digits and single dashes, starting with a letter (it becomes spec/${name}/ and packages/${name}/).`,
      `e.g. \`pnpm api:add ${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "acme"} --from …\`.`,
    );
  }
  const packageName = opts.packageName ?? `@apiforge/${name}`;
  const verdict = validateNpmName(packageName);
  if (!verdict.validForNewPackages) {
    const why = [...(verdict.errors ?? []), ...(verdict.warnings ?? [])].join("; ");
    throw new AddRefusedError(`"${packageName}" is not a valid npm package name: ${why}.`, "pass a valid name with --package, e.g. --package @apiforge/" + name + ".");
  }
  const env = opts.env ?? `${name.toUpperCase().replace(/-/g, "_")}_SPEC_URL`;
  if (!ENV.test(env)) throw new AddRefusedError(`"${env}" is not a usable environment variable name.`, "pass --env with uppercase letters, digits and underscores, e.g. --env ACME_SPEC_URL.");
  for (const dir of [path.join("spec", name), path.join("packages", name)]) {
    if (existsSync(path.join(root, dir))) {
      throw new AddRefusedError(`${dir}/ already exists: an API named "${name}" is already in this repository.`, `pick another name, or update it with \`pnpm spec:pull --api ${name} --from …\`.`);
    }
  }
  const owner = workspacePackages(root).get(packageName);
  if (owner) throw new AddRefusedError(`The package name ${packageName} is already used by ${owner}.`, "pass another name with --package.");
  return { name, packageName, env, pascal: pascalCase(name) };
}
