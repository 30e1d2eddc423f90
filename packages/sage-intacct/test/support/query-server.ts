// A stateful stand-in for Sage's query service (POST /services/core/query) on 127.0.0.1: `total`
// records, pages cut at the body's start/size, `ia::meta.next` pointing at the next start, and the
// last page ended with `next: 0` or `next: null` (both occur in Sage's examples).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface QueryServer {
  url: string;
  /** The bodies posted, in order. */
  requests: { object?: string; fields?: string[]; start?: number; size?: number }[];
  close(): Promise<void>;
}

export async function startQueryServer(opts: { total: number; end: 0 | null }): Promise<QueryServer> {
  const requests: QueryServer["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/services/core/query") return void res.writeHead(404).end();
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as QueryServer["requests"][number];
      requests.push(body);
      const start = body.start ?? 1;
      const size = Math.min(body.size ?? 100, 4000);
      const last = Math.min(start + size - 1, opts.total);
      const records = [];
      for (let i = start; i <= last; i++) records.push({ key: String(i), id: `PR-${i}` });
      const next = last < opts.total ? last + 1 : opts.end;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ "ia::result": records, "ia::meta": { totalCount: opts.total, start, pageSize: size, next, previous: start > 1 ? Math.max(1, start - size) : null } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
