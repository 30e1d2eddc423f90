// validate-npm-package-name ships no types; this is the part api:add uses.
declare module "validate-npm-package-name" {
  interface Result {
    validForNewPackages: boolean;
    validForOldPackages: boolean;
    errors?: string[];
    warnings?: string[];
  }
  export default function validate(name: string): Result;
}
