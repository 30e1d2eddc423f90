// `--help` of every command, kept as reviewed snapshots (test/__snapshots__/help/*.txt): a change
// in wording, options or defaults shows up in review as a diff of these files.
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

const COMMANDS: string[][] = [
  [],
  ["apis"],
  ["completion"],
  ["parallax"],
  ["parallax", "list"],
  ["parallax", "estimate"],
  ["parallax", "estimate", "list"],
  ["parallax", "import"],
  ["parallax", "webhooks"],
  ["parallax", "webhooks", "verify"],
  ["parallax", "webhooks", "listen"],
  ["parallax", "create-actual-time"],
  ["parallax", "list-actual-time"],
  ["clientary", "list"],
  ["sage-intacct", "post-services-query"],
  ["strawblond", "list"],
];

describe("--help", () => {
  // one process per command, all at once: each is a separate start of the bin
  const runs = Promise.all(COMMANDS.map((args) => runCli([...args, "--help"])));

  it.each(COMMANDS.map((args, i) => [args.join(" ") || "root", i] as const))("apiforge %s --help", async (name, i) => {
    const r = (await runs)[i]!;
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    await expect(r.stdout).toMatchFileSnapshot(`__snapshots__/help/${name.replace(/ /g, "_")}.txt`);
  });
});
