// Exports only. `diffSpecs` classifies every change between two OpenAPI 3.x documents, `loadSpec`
// reads one side (file, git ref, multi-file bundle), `formatReport` renders the result, `main` is the CLI.
export { main, type CliOptions } from "./cli.js";
export { diffSpecs } from "./diff.js";
export { DiffInputError } from "./errors.js";
export type { FactsExtractor, LimitFacts } from "./facts.js";
export type { LifecycleOptions } from "./lifecycle.js";
export { externalRefs, loadSpec, parseSource, type LoadOptions } from "./load.js";
export { parseDocument, type OpenApiDoc } from "./parse.js";
export { formatReport, type ReportFormat, type FormatOptions } from "./format.js";
export { RULES } from "./rules.js";
export type { Bump, Change, DiffOptions, DiffReport, Level } from "./types.js";
