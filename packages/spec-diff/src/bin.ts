#!/usr/bin/env node
// npx @apiforge/spec-diff --base old.yaml --head new.yaml: the published command (no facts
// extractor, so the runtime-limit rules are off; repositories wrap `main` to add theirs).
import { main } from "./cli.js";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // an engine bug, not bad input: the stack is what a bug report needs
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
