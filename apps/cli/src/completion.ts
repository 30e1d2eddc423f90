// `apiforge completion bash|zsh|fish|powershell`: shell scripts from @bomb.sh/tab, which read the
// command tree (every API's operations, as the spec names them) and ask the binary back for
// suggestions (`apiforge complete -- …`), so completions follow the embedded spec with no regeneration.
import tab from "@bomb.sh/tab/commander";
import type { Command } from "commander";
import type { ApiEntry } from "./registry.js";
import { operationsFor } from "./spec/catalog.js";

/** Adds `completion <shell>` and the hidden `complete -- …` to a program whose API subtrees are built. */
export function addCompletion(program: Command, apis: readonly ApiEntry[]): void {
  const root = tab(program, { completionCommandName: "completion" });
  for (const api of apis) {
    const ops = operationsFor(api);
    const paginated = ops.filter((o) => o.meta.pagination);
    for (const path of [`${api.name} list`, `${api.name} estimate list`]) {
      const arg = root.commands.get(path)?.arguments.get("operationId");
      if (arg) arg.handler = (complete) => {
        for (const o of paginated) complete(o.alias, o.summary);
      };
    }
    const imp = root.commands.get(`${api.name} import`)?.arguments.get("operationId");
    if (imp) imp.handler = (complete) => {
        for (const o of ops) if (o.bodyPointer) complete(o.alias, o.summary);
      };
    for (const op of ops) {
      const cmd = root.commands.get(`${api.name} ${op.alias}`);
      const param = cmd?.options.get("param");
      if (param) param.handler = (complete) => {
          for (const p of op.parameters) complete(`${p.name}=`, `${p.in}${p.required ? ", required" : ""}`);
        };
      const query = cmd?.options.get("query");
      if (query) query.handler = (complete) => {
          for (const p of op.parameters) if (p.in === "query") complete(`${p.name}=`, p.description ?? "");
        };
    }
  }
}
