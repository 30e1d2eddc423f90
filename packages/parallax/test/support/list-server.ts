// A small stateful list server for pagination tests and the benchmark: answers
// GET <any path>?page=N&page_size=S with Parallax's page envelope over an in-memory array that
// tests may change between requests. Listens on 127.0.0.1 with a port the OS picks.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ListItem {
  id: string;
  name: string;
}

export interface ListServer {
  url: string;
  /** The list served; mutate it to simulate writes during a listing. */
  items: ListItem[];
  /** Every request's path and query, in arrival order. */
  requests: { path: string; page: number; pageSize: number; apiKey: string | undefined }[];
  /** Holds every later response until `release()` (to abort a request in flight). */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export const makeItems = (n: number, prefix = "item"): ListItem[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${String(i).padStart(6, "0")}`, name: `Item ${i}` }));

export async function startListServer(initial: ListItem[]): Promise<ListServer> {
  let held: (() => void)[] | undefined;
  const handle: Pick<ListServer, "items" | "requests"> = { items: initial, requests: [] };
  const respond = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const page = Number(url.searchParams.get("page") ?? 1);
    const pageSize = Number(url.searchParams.get("page_size") ?? 500);
    const apiKey = req.headers["x-api-key"];
    handle.requests.push({ path: url.pathname, page, pageSize, apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey });
    const send = () => {
      const total = handle.items.length;
      const results = handle.items.slice((page - 1) * pageSize, page * pageSize);
      const body = JSON.stringify({ count: results.length, total, page, total_pages: Math.ceil(total / pageSize), page_size: pageSize, results });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    };
    if (held) held.push(send);
    else send();
  };
  const server = createServer(respond);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get items() {
      return handle.items;
    },
    set items(v) {
      handle.items = v;
    },
    requests: handle.requests,
    hold: () => {
      held ??= [];
    },
    release: () => {
      const pending = held ?? [];
      held = undefined;
      for (const send of pending) send();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
