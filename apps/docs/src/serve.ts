// A static file server for dist/ on 127.0.0.1: the browser test and `pnpm docs:dev` both use it.
// Only files under the root are served; `inject` lets the dev server add its reload script to pages.
import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Port to listen on; 0 (default) lets the OS pick a free one. */
  port?: number;
  /** Extra routes handled before the files (the dev server's reload channel). Return true when handled. */
  route?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** Rewrites an HTML page before it is sent (the dev server's reload script). */
  inject?: (html: string) => string;
}

/** Resolves a request path to a file under root, or undefined (outside root or missing). */
export function resolveFile(root: string, urlPath: string): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return undefined;
  }
  const file = path.resolve(root, `.${p}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return resolveFile(root, `${p.replace(/\/?$/, "/")}index.html`);
    return st.isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    if (options.route?.(req, res)) return;
    const file = resolveFile(root, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${req.url}`);
      return;
    }
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    res.setHeader("cache-control", "no-store");
    if (options.inject && type.startsWith("text/html")) {
      res.writeHead(200, { "content-type": type }).end(options.inject(readFileSync(file, "utf8")));
      return;
    }
    res.writeHead(200, { "content-type": type });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
