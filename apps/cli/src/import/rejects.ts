// The rejects file: one JSON line per row the server refused, with the row as sent and the server's
// error, appended and synced before the journal records the rejection (so a crash between the two
// can only repeat a line, never lose one). NDJSON, so fixed rows can be imported again as they are.
import { closeSync, fdatasyncSync, openSync, writeSync } from "node:fs";
import type { PreparedRow } from "./prepare.js";

/** One refused row. */
export interface RejectLine {
  line: number;
  row: number;
  status: number;
  error: string;
  response: unknown;
  requestId?: string;
  body: unknown;
}

/** Appends refused rows to `file` (created on the first one). */
export class RejectsFile {
  private fd: number | undefined;
  count = 0;

  constructor(readonly file: string) {}

  write(rows: readonly PreparedRow[], status: number, error: string, response: unknown, requestId: string | undefined): void {
    this.fd ??= openSync(this.file, "a");
    for (const row of rows) {
      const line: RejectLine = { line: row.line, row: row.index + 1, status, error, response, ...(requestId && { requestId }), body: row.body };
      writeSync(this.fd, `${JSON.stringify(line)}\n`);
      this.count++;
    }
    fdatasyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
