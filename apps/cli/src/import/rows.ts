// Reads an import file as a stream of rows, each with the line it starts on (for messages) and its
// index among the data rows (the journal's identity of a row). CSV goes through csv-parse (streaming,
// RFC 4180 quoting, multi-line fields, BOM); NDJSON is one JSON object per non-blank line.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";

/** The formats `import` reads, told apart by the file's extension. */
export type InputFormat = "csv" | "ndjson";

/** One data row of the input. */
export interface InputRow {
  /** 0-based among data rows (header and blank lines not counted). */
  index: number;
  /** 1-based line of the file where the row starts. */
  line: number;
  /** Column name → cell text (CSV) or the parsed object (NDJSON); undefined when the row could not be read. */
  record: Record<string, unknown> | undefined;
  /** Why the row could not be read (wrong number of fields, not JSON, not an object). */
  problem?: string;
}

/** The format of `file` from its extension, or undefined. */
export function formatOf(file: string): InputFormat | undefined {
  if (/\.csv$/i.test(file)) return "csv";
  if (/\.(ndjson|jsonl)$/i.test(file)) return "ndjson";
  return undefined;
}

/** Every data row of `file`, in order. */
export function readRows(file: string, format: InputFormat): AsyncGenerator<InputRow> {
  return format === "csv" ? readCsv(file) : readNdjson(file);
}

async function* readCsv(file: string): AsyncGenerator<InputRow> {
  // relax_column_count: a short or long row becomes one reported problem instead of ending the parse
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, raw: true }));
  let index = 0;
  for await (const { record, info, raw } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; error?: Error }; raw: string }>) {
    // info.lines is where the record ends; step back over the newlines inside it (quoted fields)
    const inner = raw.replace(/^[\r\n]+/, "").replace(/\r?\n$/, "");
    const line = info.lines - (inner.match(/\n/g)?.length ?? 0);
    const row: InputRow = { index: index++, line, record };
    if (info.error) row.problem = fieldCountProblem(info.error.message);
    yield row;
  }
}

async function* readNdjson(file: string): AsyncGenerator<InputRow> {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  let index = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, "") : text);
    } catch (error) {
      yield { index: index++, line, record: undefined, problem: `not JSON (${(error as Error).message})` };
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      yield { index: index++, line, record: undefined, problem: "not a JSON object (each line must be one request body)" };
      continue;
    }
    yield { index: index++, line, record: value as Record<string, unknown> };
  }
}

// csv-parse: "Invalid Record Length: columns length is 7, got 8 on line 4"
function fieldCountProblem(message: string): string {
  const m = /columns length is (\d+), got (\d+)/.exec(message);
  return m ? `has ${m[2]} fields, the header has ${m[1]}` : message.replace(/ on line \d+$/, "");
}
