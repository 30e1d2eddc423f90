/** The formats of `list --format`. */
export const FORMATS = ["table", "json", "ndjson", "csv"] as const;
export type Format = (typeof FORMATS)[number];
