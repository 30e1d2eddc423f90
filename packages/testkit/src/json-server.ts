// A local JSON server for package tests (stateful lists, error envelopes): the handler sees each
// request (recorded in arrival order) and answers with a status and a JSON body. 127.0.0.1, a port
// the OS picks; `close()` drops open connections so a test run never hangs on keep-alive.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface JsonReply {
  /** @default 200 */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface JsonServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startJsonServer(handler: (request: RecordedRequest) => JsonReply | Promise<JsonReply>): Promise<JsonServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request: RecordedRequest = { method: req.method ?? "GET", url: new URL(req.url ?? "/", "http://127.0.0.1"), headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    requests.push(request);
    try {
      const reply = await handler(request);
      const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...reply.headers }).end(text);
    } catch (err) {
      // a failing handler is a broken test: answer 599 so the cause shows in the client's error
      res.writeHead(599, { "content-type": "text/plain" }).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** `n` items with unique ids `start`, `start + 1`, … (numbers) or `<prefix><n>` strings. */
export function makeItems<Id extends string | number = number>(n: number, id: (i: number) => Id = (i) => (i + 1) as Id): { id: Id; name: string }[] {
  return Array.from({ length: n }, (_, i) => ({ id: id(i), name: `Item ${i + 1}` }));
}
