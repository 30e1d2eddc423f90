// One writer per --format. json and ndjson stream item by item (memory stays flat however long the
// listing); csv streams through csv-stringify once its columns are known (from --fields, or the
// first items); table (cli-table3) holds the rows, since a table is for reading, not exporting.
import Table from "cli-table3";
import { stringify } from "csv-stringify";
import { columnsOf, pick, rowOf } from "./fields.js";
import type { Sink } from "./sink.js";

import type { Format } from "./formats.js";

/** Receives items one by one. */
export interface ItemWriter {
  write(item: unknown): Promise<void>;
  /** Writes what is pending (header of an empty csv, the table, the closing bracket). */
  end(): Promise<void>;
}

// items buffered to choose csv/table columns when --fields is not given
const SAMPLE = 200;

// lines are gathered into chunks of about 64 KB: one stream write per chunk, not per item
const CHUNK = 64 * 1024;

function chunked(sink: Sink) {
  let buffer = "";
  return {
    add: async (text: string) => {
      buffer += text;
      if (buffer.length >= CHUNK) {
        const out = buffer;
        buffer = "";
        await sink.write(out);
      }
    },
    flush: async () => {
      if (buffer) await sink.write(buffer);
      buffer = "";
    },
  };
}

function jsonWriter(sink: Sink, fields: readonly string[] | undefined): ItemWriter {
  const out = chunked(sink);
  let first = true;
  return {
    write: async (item) => {
      const value = fields ? pick(item, fields) : item;
      await out.add(`${first ? "[\n" : ",\n"}  ${JSON.stringify(value)}`);
      first = false;
    },
    end: async () => {
      await out.add(first ? "[]\n" : "\n]\n");
      await out.flush();
    },
  };
}

function ndjsonWriter(sink: Sink, fields: readonly string[] | undefined): ItemWriter {
  const out = chunked(sink);
  return {
    write: (item) => out.add(`${JSON.stringify(fields ? pick(item, fields) : item)}\n`),
    end: () => out.flush(),
  };
}

function csvWriter(sink: Sink, fields: readonly string[] | undefined): ItemWriter {
  let sample: unknown[] | undefined = [];
  let stringifier: ReturnType<typeof stringify> | undefined;
  let columns: string[] = [];
  const pending: Promise<void>[] = [];
  const start = () => {
    columns = columnsOf(sample ?? [], fields);
    stringifier = stringify({ header: true, columns, cast: { boolean: (b) => String(b), date: (d) => d.toISOString() } });
    stringifier.on("data", (chunk: Buffer) => pending.push(sink.write(chunk.toString())));
  };
  const push = async (item: unknown) => {
    stringifier!.write(rowOf(item, columns));
    // hand csv-stringify's output to the sink, waiting on its backpressure
    while (pending.length) await pending.shift();
  };
  return {
    write: async (item) => {
      if (sample) {
        sample.push(item);
        if (fields || sample.length >= SAMPLE) {
          start();
          const buffered = sample;
          sample = undefined;
          for (const i of buffered) await push(i);
        }
        return;
      }
      await push(item);
    },
    end: async () => {
      if (sample) {
        start();
        const buffered = sample;
        sample = undefined;
        for (const i of buffered) await push(i);
      }
      const done = new Promise<void>((resolve, reject) => {
        stringifier!.once("end", resolve);
        stringifier!.once("error", reject);
      });
      stringifier!.end();
      await done;
      while (pending.length) await pending.shift();
    },
  };
}

function tableWriter(sink: Sink, fields: readonly string[] | undefined): ItemWriter {
  const items: unknown[] = [];
  return {
    write: async (item) => {
      items.push(item);
    },
    end: async () => {
      if (!items.length) return sink.write("(no items)\n");
      const columns = columnsOf(items.slice(0, SAMPLE), fields);
      const table = new Table({ head: columns, style: { head: [], border: [] }});
      for (const item of items) table.push(rowOf(item, columns).map((v) => String(v)));
      return sink.write(`${table.toString()}\n`);
    },
  };
}

/** The writer for `format` into `sink`. */
export function writerFor(format: Format, sink: Sink, fields: readonly string[] | undefined): ItemWriter {
  switch (format) {
    case "json":
      return jsonWriter(sink, fields);
    case "ndjson":
      return ndjsonWriter(sink, fields);
    case "csv":
      return csvWriter(sink, fields);
    case "table":
      return tableWriter(sink, fields);
  }
}
