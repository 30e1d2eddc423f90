// Stand-in for the `apiforge` binary's import and webhooks commands, used by the tests until the
// argument parser (branch cli-core) is merged: `node --import tsx io-entry.ts <api> import …`.
import { parseArgs } from "node:util";
import { CliError } from "../../src/context.js";
import { createContext } from "../../src/create-context.js";
import { runImport } from "../../src/import/index.js";
import { findApi } from "../../src/registry.js";
import { listenCommand, verifyCommand } from "../../src/webhooks/index.js";

const [apiName, command, ...rest] = process.argv.slice(2);
const api = findApi(apiName ?? "");
if (!api) throw new Error(`unknown api ${apiName}`);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: {
    resume: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    concurrency: { type: "string", default: "1" },
    "skip-invalid": { type: "boolean", default: false },
    rejects: { type: "string" },
    param: { type: "string", multiple: true },
    "idempotency-header": { type: "string" },
    "secret-env": { type: "string" },
    header: { type: "string", multiple: true },
    request: { type: "string" },
    tolerance: { type: "string" },
    port: { type: "string" },
    save: { type: "string" },
    "base-url": { type: "string" },
    quiet: { type: "boolean", default: false },
  },
});
const controller = new AbortController();
process.on("SIGINT", () => controller.abort());
const ctx = createContext({ api, flags: { json: false, quiet: values.quiet!, verbose: false }, baseUrl: values["base-url"], signal: controller.signal });
try {
  let code: number;
  if (command === "import") {
    const params = Object.fromEntries((values.param ?? []).map((p) => p.split("=") as [string, string]));
    code = await runImport(ctx, {
      operationId: positionals[0]!,
      file: positionals[1]!,
      dryRun: values["dry-run"]!,
      concurrency: Number(values.concurrency),
      skipInvalid: values["skip-invalid"]!,
      params,
      ...(values.resume && { resume: values.resume }),
      ...(values.rejects && { rejects: values.rejects }),
      ...(values["idempotency-header"] && { idempotencyHeader: values["idempotency-header"] }),
    });
  } else if (positionals[0] === "verify") {
    code = await verifyCommand(ctx, { secretEnv: values["secret-env"]!, headers: values.header ?? [], ...(values.request && { request: values.request }), ...(values.tolerance && { toleranceSeconds: Number(values.tolerance) }) });
  } else {
    code = await listenCommand(ctx, { secretEnv: values["secret-env"]!, port: Number(values.port ?? 0), ...(values.save && { save: values.save }) });
  }
  process.exitCode = code;
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`${ctx.redact(`apiforge: ${error.message}${error.problems.map((p) => `\n  ${p}`).join("")}${error.hint ? `\n${error.hint}` : ""}`)}\n`);
  process.exitCode = error.exitCode;
}
