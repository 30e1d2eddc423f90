// `pnpm docs:dev [--port 4173]`: builds the site, serves apps/docs/dist on 127.0.0.1 and rebuilds when
// a spec, an overlay or a package's source changes; open pages reload through a server-sent event.
import { watch } from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { repoRoot } from "./apis.ts";
import { buildSite, distDir } from "./build.ts";
import { inputDirs } from "./inputs.ts";
import { serveStatic } from "./serve.ts";

const RELOAD_PATH = "/__docs_reload";
const RELOAD_SCRIPT = `<script>new EventSource("${RELOAD_PATH}").addEventListener("reload", () => location.reload());</script>`;

function portArg(argv: string[]): number {
  const i = argv.indexOf("--port");
  const raw = i >= 0 ? argv[i + 1] : process.env.DOCS_PORT;
  if (raw === undefined) return 4173;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`docs:dev: --port ${raw} is not a port number; pass an integer 0–65535 (0 picks a free one).`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const clients = new Set<ServerResponse>();
  const build = async () => {
    const t0 = performance.now();
    try {
      const m = await buildSite();
      console.log(`built ${m.apis.length} APIs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      for (const res of clients) res.write("event: reload\ndata: \n\n");
    } catch (err) {
      // keep serving the last good site; the next change tries again
      console.error(`build failed, still serving the previous site: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  await build();
  const server = await serveStatic(distDir, {
    port: portArg(process.argv.slice(2)),
    route: (req, res) => {
      if (req.url !== RELOAD_PATH) return false;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return true;
    },
    inject: (html) => html.replace(/<\/body>/i, `${RELOAD_SCRIPT}</body>`),
  });
  console.log(`serving apps/docs/dist on ${server.url}/ (Ctrl+C to stop)`);

  // one rebuild per burst of changes (an editor save touches several files)
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (file: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      console.log(`changed: ${file}; rebuilding`);
      running = running.then(build);
    }, 300);
  };
  // the site's own code (apps/docs/src) is not watched: a change there needs a restart
  for (const dir of inputDirs(repoRoot).filter((d) => !d.startsWith("apps/docs"))) {
    try {
      watch(path.join(repoRoot, dir), { recursive: true }, (_event, name) => schedule(path.join(dir, String(name ?? ""))));
    } catch {
      // a folder without sources (a package with no src/) has nothing to watch
    }
  }
}

main().catch((err: unknown) => {
  console.error(`docs:dev failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
