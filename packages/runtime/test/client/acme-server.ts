// A local server for the fixture API: each list answers in its own pagination style, errors in
// the fixture's envelopes, and every request is recorded (method, URL, headers, body).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

export interface AcmeServer {
  url: string;
  seen: Seen[];
  state: { projects: { id: string; name: string }[]; records: number; repos: number; flakyDone: boolean };
  close(): Promise<void>;
}

const rows = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `Project ${i}` }));

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "x-acme-request": `req-${status}`, ...headers });
  res.end(JSON.stringify(body));
}

export async function startAcmeServer(): Promise<AcmeServer> {
  const seen: Seen[] = [];
  const state = { projects: rows(51, "p"), records: 2345, repos: 7, flakyDone: false };
  const server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    const url = new URL(req.url ?? "/", "http://local");
    seen.push({ method: req.method ?? "", url: url.pathname + url.search, headers: req.headers, body });
    const route = `${req.method} ${url.pathname.replace(/^\/api\/v2/, "")}`;
    const q = url.searchParams;

    if (route === "GET /projects") {
      const page = Number(q.get("page") ?? 1);
      const size = Number(q.get("per_page") ?? 15);
      const last = Math.max(1, Math.ceil(state.projects.length / size));
      const data = state.projects.slice((page - 1) * size, page * size);
      return send(res, 200, { data, links: { next: page < last ? `${url.origin}/projects?page=${page + 1}` : null }, meta: { current_page: page, last_page: last, total: state.projects.length } });
    }
    if (route === "GET /clients/7/projects") {
      const page = Number(q.get("page") ?? 1);
      const all = state.projects.slice(0, 11);
      return send(res, 200, { page_count: Math.ceil(all.length / 10), total_count: all.length, projects: all.slice((page - 1) * 10, page * 10) });
    }
    if (route === "POST /services/core/query") {
      const { start, size } = body as { start: number; size: number };
      const result = Array.from({ length: Math.max(0, Math.min(size, state.records - start + 1)) }, (_, i) => ({ key: String(start + i), id: `R${start + i}` }));
      const next = start + size <= state.records ? start + size : 0;
      return send(res, 200, { "ia::result": result, "ia::meta": { totalCount: state.records, start, pageSize: size, next } });
    }
    if (route === "GET /repos") {
      const page = Number(q.get("page") ?? 1);
      const size = Number(q.get("per_page") ?? 30);
      const last = Math.ceil(state.repos / size);
      const data = Array.from({ length: state.repos }, (_, i) => ({ id: i + 1, full_name: `acme/r${i + 1}` })).slice((page - 1) * size, page * size);
      const link = page < last ? `<${q.get("evil") ? "http://evil.example" : ""}/api/v2/repos?per_page=${size}&page=${page + 1}>; rel="next"` : "";
      return send(res, 200, data, link ? { link } : {});
    }
    if (route === "POST /projects" && (body as { name?: string })?.name === "flaky" && !state.flakyDone) {
      state.flakyDone = true;
      return send(res, 500, { message: "Try again" });
    }
    if (route === "POST /projects") {
      if (!(body as { name?: string })?.name) {
        return send(res, 422, { message: "The name field is required. (and 1 more error)", errors: { name: ["The name field is required."], rate: ["The rate must be a number."] } });
      }
      return send(res, 200, { id: "new", name: (body as { name: string }).name });
    }
    if (route === "GET /projects/missing") {
      return send(res, 404, { "ia::error": { code: "notFound", message: "Project missing was not found.", errorId: "REST-404", supportId: "sup-42" } }, { "x-acme-request": "" });
    }
    if (route === "GET /projects/limited") return send(res, 426, { message: "Upgrade your plan" });
    if (route.startsWith("GET /projects/")) return send(res, 200, { id: url.pathname.split("/").pop(), name: "One" });
    if (route === "POST /projects/p1/plans") return send(res, 200, { created: (body as unknown[]).length });
    send(res, 404, { message: `No route ${route}` });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
