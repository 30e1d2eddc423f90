// pnpm bench regen: `pnpm regen` (lint → generate → build, every API) in a scratch git copy of the
// workspace, three ways:
//   cold    the copy's first run: nothing built, empty turbo cache (the copy is its own repository)
//   warm    the turbo cache emptied again, so every package builds, but the tools and files are hot
//   cached  nothing changed since the last run: every build is a turbo cache hit
// Peers from the same run: warm against cold (what hot tools and files save), cached against
// `turbo run build` alone on the same cache hits (what lint + generate cost on top of the build).
// Quick mode builds nothing (builds take minutes on a shared 2-core machine): `regen --api parallax
// --skip-build`, lint + generate only, warm against its own first run.
import { rmSync } from "node:fs";
import path from "node:path";
import { exec } from "../scripts/lib/exec.ts";
import { copyWorkspace } from "../scripts/test/scratch.ts";
import { quick, record } from "./_report.ts";
import { table } from "./_table.ts";

const ws = copyWorkspace();
const env = { NO_COLOR: "1", TURBO_TELEMETRY_DISABLED: "1", APIFORGE_ROOT: "", INIT_CWD: ws.root };
const apiArgs = quick ? ["--api", "parallax", "--skip-build"] : [];

async function timed(what: string, cmd: string, args: string[]): Promise<{ seconds: number; cached: string }> {
  const t0 = performance.now();
  const r = await exec(cmd, args, { cwd: ws.root, env });
  const seconds = (performance.now() - t0) / 1000;
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}):\n${(r.stdout + r.stderr).trim().split("\n").slice(-15).join("\n")}`);
  const cached = (r.stdout + r.stderr).match(/(?:turbo cache: |Cached:\s+)([^)\n]+)/)?.[1]?.trim() ?? "";
  return { seconds, cached };
}
const regen = () => timed("pnpm regen", path.join(ws.root, "node_modules/.bin/tsx"), [path.join(ws.root, "scripts/regen.ts"), ...apiArgs]);
const build = () => timed("turbo run build", path.join(ws.root, "node_modules/.bin/turbo"), ["run", "build", "--output-logs=errors-only"]);
const clearCache = () => rmSync(path.join(ws.root, ".turbo"), { recursive: true, force: true });

try {
  const cold = await regen();
  const coldPeer = { name: "the same regen, first run (cold)", value: cold.seconds };
  let rows: { id: string; state: string; ours: Awaited<ReturnType<typeof regen>>; peer?: { name: string; value: number } }[];
  const scope = quick ? "regen --api parallax --skip-build (lint + generate)" : "regen (every API)";
  if (quick) {
    rows = [{ id: "regen.quick.warm", state: "warm (second run)", ours: await regen(), peer: coldPeer }];
  } else {
    const cached = await regen();
    const cachedBuild = await build();
    clearCache();
    const warm = await regen();
    rows = [
      { id: "regen.cold", state: "cold (first run, nothing built)", ours: cold },
      { id: "regen.warm", state: "warm (turbo cache emptied, every package builds)", ours: warm, peer: coldPeer },
      { id: "regen.cached", state: "cached (nothing changed: turbo cache hits)", ours: cached, peer: { name: "turbo run build alone (same cache hits)", value: cachedBuild.seconds } },
    ];
  }
  table(
    `pnpm ${scope} in a scratch git copy of the workspace (s)`,
    ["state", "regen", "turbo cache", "peer"],
    rows.map((r) => [r.state, r.ours.seconds.toFixed(1), r.ours.cached || "–", r.peer ? r.peer.value.toFixed(1) : "–"]),
  );
  for (const r of rows) {
    record({
      id: r.id,
      measure: `pnpm ${scope}, ${r.state}: wall time`,
      ours: r.ours.seconds,
      unit: "s",
      peer: r.peer,
      note: r.ours.cached ? `turbo cache: ${r.ours.cached}` : undefined,
    });
  }
} finally {
  ws.dispose();
}
