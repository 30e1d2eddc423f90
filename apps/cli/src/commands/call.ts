// `apiforge <api> <operationId>`: one call. The request is checked against the spec first and
// nothing is sent while any problem remains (all listed, exit 2); the response body goes to stdout.
import { readFileSync } from "node:fs";
import { type CommandContext, EXIT, type ExitCode, UsageError } from "../context.js";
import type { CliCall } from "../registry.js";
import { type CallFlags, requestInput } from "../request-input.js";
import { validatorFor } from "../spec/validate.js";
import type { OperationSpec } from "../spec/operations.js";

/** Runs one operation and prints its response. */
export async function callCommand(ctx: CommandContext, op: OperationSpec, flags: CallFlags): Promise<ExitCode> {
  const input = requestInput(op, flags, () => readFileSync(0, "utf8"));
  const problems = validatorFor(ctx.api).check(op, input);
  if (problems.length) {
    throw new UsageError(
      `The request to ${op.operationId} is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}); nothing was sent.`,
      `\`apiforge ${ctx.api.name} ${op.alias} --help\` lists its parameters.`,
      problems,
    );
  }
  const client = ctx.createClient();
  try {
    const send = client[op.method.toUpperCase() as "GET"] as CliCall;
    const result = await send(op.path, {
      params: { path: input.path, query: input.query, header: input.header },
      ...(input.hasBody && { body: input.body }),
      throwOnError: true,
      signal: ctx.signal,
    });
    if (result.data !== undefined && result.data !== "") {
      ctx.stdout.write(typeof result.data === "string" ? `${result.data}\n` : `${JSON.stringify(result.data, null, 2)}\n`);
    }
    ctx.debug(`[${ctx.api.name}] ${result.response.status}${client.requestIdOf(result) ? ` request id ${client.requestIdOf(result)}` : ""}`);
    return EXIT.ok;
  } finally {
    client.close();
  }
}
