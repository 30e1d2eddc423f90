// pnpm --filter @apiforge/spec-diff rule-table: rewrites the rule table in README.md between its markers.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { BEGIN, END, ruleTable } from "../test/support/rule-table.js";

const file = new URL("../README.md", import.meta.url);
const readme = readFileSync(file, "utf8");
const start = readme.indexOf(BEGIN);
const end = readme.indexOf(END);
const next = start >= 0 && end > start ? readme.slice(0, start) + ruleTable() + readme.slice(end + END.length) : `${readme.trimEnd()}\n\n${ruleTable()}\n`;
// write beside and rename, so an interrupted run never leaves a half-written README
writeFileSync(new URL("../README.md.tmp", import.meta.url), next);
renameSync(new URL("../README.md.tmp", import.meta.url), file);
process.stdout.write("README.md rule table rewritten\n");
