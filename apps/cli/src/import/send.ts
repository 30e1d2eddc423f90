// Sends one unit through the SDK client (so the runtime's limiter paces it and retries what is safe
// to retry) and says what became of it: acknowledged, rejected by the server (the row is wrong:
// it goes to the rejects file and the import goes on), or a failure that stops the import (bad
// credentials, the server or network failing after the runtime's retries). A stopping failure
// leaves the unit in flight in the journal, so a resume sends it again with the same key.
import { ApiError, type OperationMeta } from "@apiforge/runtime";
import type { CliCall, CliClient } from "../registry.js";
import type { Unit } from "./units.js";

export type UnitOutcome =
  | { kind: "ack"; status: number }
  | { kind: "reject"; status: number; message: string; body: unknown; requestId: string | undefined }
  | { kind: "stop"; error: Error };

/** Where the unit's key goes: the header the spec declares (the runtime sends it and may then retry writes), or one named by the user. */
export type KeyHeader = { declared: true; name: string } | { declared: false; name: string } | undefined;

/** The body one unit is sent as: the row, or for a bulk operation its array of rows (or that array under `bulk.field`). */
export function bodyOf(op: OperationMeta, unit: Unit): unknown {
  const rows = unit.rows.map((r) => r.body);
  return op.bulk ? (op.bulk.field ? { [op.bulk.field]: rows } : rows) : rows[0];
}

/** The operation's path with the unit's path parameters filled in (for --dry-run). */
export function pathOf(op: OperationMeta, unit: Unit): string {
  return op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(unit.rows[0]!.pathParams[name] ?? ""));
}

// 401/403: every other row would fail the same way; 429 that outlasted the runtime's retries
const STOPPING = new Set([401, 403, 407, 429]);

/** The sender of one import. */
export function unitSender(client: CliClient, op: OperationMeta, keyHeader: KeyHeader): (unit: Unit) => Promise<UnitOutcome> {
  const call = client[op.method.toUpperCase() as "POST"] as CliCall;
  return async (unit) => {
    const init: Record<string, unknown> = { params: { path: unit.rows[0]!.pathParams }, body: bodyOf(op, unit), throwOnError: true };
    if (keyHeader?.declared) init.idempotencyKey = unit.key;
    else if (keyHeader) init.headers = { [keyHeader.name]: unit.key };
    try {
      const { response } = await call(op.path, init);
      return { kind: "ack", status: response.status };
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && !STOPPING.has(error.status)) {
        return { kind: "reject", status: error.status, message: error.message, body: error.body, requestId: error.requestId };
      }
      return { kind: "stop", error: error as Error };
    }
  };
}
