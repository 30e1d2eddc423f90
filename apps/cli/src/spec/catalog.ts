// Per API, its operations, built once per process from the embedded spec.
import { UsageError } from "../context.js";
import type { ApiEntry } from "../registry.js";
import { findOperation, type OperationSpec, operationsOf } from "./operations.js";

const operations = new Map<string, OperationSpec[]>();

/** The API's operations (spec order). */
export function operationsFor(api: ApiEntry): OperationSpec[] {
  let ops = operations.get(api.name);
  if (!ops) {
    ops = operationsOf(api.meta, api.loadSpec());
    operations.set(api.name, ops);
  }
  return ops;
}

/** The operation by operationId or kebab alias, or a usage error listing close names. */
export function requireOperation(api: ApiEntry, name: string, filter: (op: OperationSpec) => boolean = () => true, what = "operation"): OperationSpec {
  const ops = operationsFor(api).filter(filter);
  const op = findOperation(ops, name);
  if (op) return op;
  const needle = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  const close = ops.filter((o) => o.operationId.toLowerCase().includes(needle) || needle.includes(o.alias.replace(/-/g, ""))).slice(0, 5);
  const list = (close.length ? close : ops.slice(0, 10)).map((o) => o.alias).join(", ");
  throw new UsageError(`${api.name} has no ${what} "${name}".`, `use one of: ${list}${close.length || ops.length <= 10 ? "" : ", …"} (\`apiforge ${api.name} --help\` lists them all).`);
}
