// Shell completion: scripts for each shell, and the suggestions they ask the bin for, which come
// from the embedded specs (operations, paginated ones, parameter names).
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

describe("completion", () => {
  it.each(["bash", "zsh", "fish"])("prints a %s script that calls apiforge back", async (shell) => {
    const r = await runCli(["completion", shell]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("apiforge complete --");
  });

  it("suggests APIs, a list's paginated operations, and an operation's parameters from the spec", async () => {
    const [apis, lists, params, formats] = await Promise.all([
      runCli(["complete", "--", "s"]),
      runCli(["complete", "--", "parallax", "list", ""]),
      runCli(["complete", "--", "parallax", "update-actual-time", "--param", ""]),
      runCli(["complete", "--", "parallax", "list", "list-actual-time", "--format", ""]),
    ]);
    expect(apis.stdout).toMatch(/^sage-intacct\t/m);
    expect(apis.stdout).toMatch(/^strawblond\t/m);
    expect(lists.stdout).toMatch(/^list-actual-time\tList actual time$/m);
    // only paginated operations: a create is not offered to `list`
    expect(lists.stdout).not.toContain("create-actual-time");
    expect(params.stdout).toMatch(/^id=\tpath, required$/m);
    expect(formats.stdout.split("\n").filter((l) => !l.startsWith(":")).map((l) => l.split("\t")[0])).toEqual(["table", "json", "ndjson", "csv", ""]);
  });
});
