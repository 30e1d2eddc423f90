// Checking the shape of our `x-apiforge-*` extensions. A typo in an overlay must fail generate with
// the place and the fix, not silently fall back to detection.
import { GenerateError } from "../errors.ts";
import type { Obj } from "./schema.ts";

/** Where an extension sits, for messages: `x-apiforge-pagination on GET /v1/things`. */
export type Where = string;

export function invalid(where: Where, problem: string): GenerateError {
  return new GenerateError(`${where}: ${problem}.`, "fix the extension in the spec or its overlay (docs/extensions.md describes each one), then run pnpm generate again.");
}

export function expectObject(value: unknown, where: Where): Obj {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw invalid(where, `expected an object, got ${JSON.stringify(value)}`);
  return value as Obj;
}

/** Throws on keys outside `allowed`, so a misspelt field is caught. */
export function onlyKeys(value: Obj, allowed: readonly string[], where: Where): void {
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length) throw invalid(where, `unknown field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (allowed: ${allowed.join(", ")})`);
}

export function optString(value: Obj, key: string, where: Where): string | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw invalid(where, `${key} must be a string, got ${JSON.stringify(v)}`);
  return v;
}

export function optNumber(value: Obj, key: string, where: Where): number | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalid(where, `${key} must be a non-negative number, got ${JSON.stringify(v)}`);
  return v;
}

export function optBoolean(value: Obj, key: string, where: Where): boolean | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw invalid(where, `${key} must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

export function optStrings(value: Obj, key: string, where: Where): string[] | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) throw invalid(where, `${key} must be a list of strings, got ${JSON.stringify(v)}`);
  return v;
}

export function optEnum<T extends string>(value: Obj, key: string, allowed: readonly T[], where: Where): T | undefined {
  const v = value[key];
  if (v === undefined) return undefined;
  if (!allowed.includes(v)) throw invalid(where, `${key} must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}`);
  return v as T;
}

/** Drops undefined fields so the generated meta only lists what is known. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
