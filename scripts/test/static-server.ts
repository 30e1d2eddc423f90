// A static file server on 127.0.0.1 (free port) for tests that pull multi-file specs over HTTP.
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface StaticServer {
  url: string;
  /** Paths requested so far, e.g. "/kennel/schemas/dog.yaml". */
  requests: string[];
  close(): Promise<void>;
}

export async function serveDir(dir: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = decodeURIComponent(new URL(req.url!, "http://x").pathname);
    requests.push(url);
    const file = path.join(dir, path.normalize(url));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": file.endsWith(".json") ? "application/json" : "application/yaml" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  return {
    url: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
