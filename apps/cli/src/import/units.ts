// Groups prepared rows into units, the things that are sent and journaled: one row per request, or
// for a bulk operation a chunk of up to `maxItems` rows sharing their path parameters. A unit the
// journal left in flight is rebuilt with exactly its rows and its key, so the server can recognise
// the retry; everything else gets a fresh unit number and key.
import { randomUUID } from "node:crypto";
import type { InFlightUnit } from "./journal.js";
import type { PreparedRow } from "./prepare.js";

/** What one request sends. */
export interface Unit {
  unit: number;
  rows: PreparedRow[];
  /** Idempotency key (sent when the operation has an idempotency header). */
  key: string;
  /** Rebuilt from the journal's in-flight entries: sent before, answer unknown. */
  resent: boolean;
}

export interface UnitOptions {
  /** Rows per request: the spec's `maxItems` for bulk operations, else 1. */
  chunkSize: number;
  inFlight: readonly InFlightUnit[];
  nextUnit: number;
}

const sameParams = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** Units from rows in file order; rows of in-flight units are held until their unit is whole. */
export async function* unitsOf(rows: AsyncIterable<PreparedRow>, options: UnitOptions): AsyncGenerator<Unit> {
  const pending = new Map<number, { unit: InFlightUnit; rows: PreparedRow[] }>();
  const byRow = new Map<number, { unit: InFlightUnit; rows: PreparedRow[] }>();
  for (const unit of options.inFlight) {
    const slot = { unit, rows: [] as PreparedRow[] };
    pending.set(unit.unit, slot);
    for (const row of unit.rows) byRow.set(row, slot);
  }
  let next = options.nextUnit;
  let chunk: PreparedRow[] = [];
  const flush = (): Unit => {
    const unit = { unit: next++, rows: chunk, key: randomUUID(), resent: false };
    chunk = [];
    return unit;
  };
  for await (const row of rows) {
    const slot = byRow.get(row.index);
    if (slot) {
      slot.rows.push(row);
      if (slot.rows.length === slot.unit.rows.length) {
        pending.delete(slot.unit.unit);
        yield { unit: slot.unit.unit, rows: slot.rows, key: slot.unit.key, resent: true };
      }
      continue;
    }
    if (chunk.length && (chunk.length >= options.chunkSize || !sameParams(chunk[0]!.pathParams, row.pathParams))) yield flush();
    chunk.push(row);
  }
  if (chunk.length) yield flush();
  if (pending.size) {
    const missing = [...pending.values()].flatMap((s) => s.unit.rows.filter((r) => !s.rows.some((p) => p.index === r)));
    throw new Error(`The journal has rows in flight that the input no longer holds (data rows ${missing.slice(0, 5).map((r) => r + 1).join(", ")}).`);
  }
}
