// A hand-built API in the shape `pnpm generate` writes: `meta` (vendor facts as data) and `paths`
// (openapi-typescript). It mixes the seed APIs' styles so one local server exercises them all.
import type { ApiMeta } from "../../src/api-meta.js";

export const meta = {
  api: "acme",
  title: "Acme",
  version: "1",
  specSha256: "0".repeat(64),
  envPrefix: "ACME",
  servers: [{ url: "https://{subdomain}.acme.example/api/v2", description: "Production", variables: { subdomain: { default: "demo" } } }],
  auth: [{ type: "basic", token: "username-and-password", env: "ACME_API_TOKEN" }],
  errors: {
    envelopes: [
      { root: "ia::error", message: "message", code: "code", errorId: "errorId", details: "details", requestId: "supportId" },
      { root: "", message: "message", details: "errors" },
    ],
    requestIdHeader: "X-Acme-Request",
  },
  rateLimit: { window: { limit: 1000, windowMs: 1000 } },
  operations: {
    ListProjects: {
      method: "get",
      path: "/projects",
      pagination: { style: "links-next", itemsPath: "data", pageParam: "page", pageSizeParam: "per_page", nextPath: "links.next", currentPagePath: "meta.current_page", totalPagesPath: "meta.last_page", totalPath: "meta.total", maxPageSize: 50 },
    },
    ListClientProjects: {
      method: "get",
      path: "/clients/{client_id}/projects",
      pagination: { style: "page-count", itemsPath: "projects", pageParam: "page", totalPagesPath: "page_count", totalPath: "total_count", defaultPageSize: 10 },
    },
    Query: {
      method: "post",
      path: "/services/core/query",
      pagination: { style: "body-start-size", itemsPath: "ia::result", paramsIn: "body", offsetParam: "start", pageSizeParam: "size", nextPath: "ia::meta.next", totalPath: "ia::meta.totalCount", maxPageSize: 4000 },
    },
    ListRepos: { method: "get", path: "/repos", pagination: { style: "link-header", itemsPath: "", pageSizeParam: "per_page", maxPageSize: 100 } },
    GetProject: { method: "get", path: "/projects/{id}" },
    CreateProject: { method: "post", path: "/projects", idempotencyHeader: "Idempotency-Key" },
    CreatePlans: { method: "post", path: "/projects/{id}/plans", bulk: { maxItems: 3 } },
  },
} as const satisfies ApiMeta;

export interface Project {
  id: string;
  name: string;
}
export interface Repo {
  id: number;
  full_name: string;
}
export interface Plan {
  date: string;
  hours: number;
}
interface Json<T> {
  content: { "application/json": T };
}
type Op<Params, Res, Body = never> = {
  parameters: Params;
  responses: { 200: { headers: { [name: string]: unknown } } & Json<Res>; 422: { headers: { [name: string]: unknown } } & Json<{ message: string; errors: Record<string, string[]> }> };
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: Json<Body> });
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };

export interface paths {
  "/projects": {
    get: Op<{ query?: { page?: number; per_page?: number; "filter[is_archived]"?: boolean }; header?: never; path?: never; cookie?: never }, { data: Project[]; links: { next: string | null }; meta: { current_page: number; last_page: number; total: number } }>;
    post: Op<NoParams, Project, { name: string }>;
  };
  "/projects/{id}": { get: Op<{ query?: never; header?: never; path: { id: string }; cookie?: never }, Project> };
  "/clients/{client_id}/projects": {
    get: Op<{ query?: { page?: number; filter?: "all" }; header?: never; path: { client_id: number }; cookie?: never }, { page_count: number; total_count: number; projects: Project[] }>;
  };
  "/services/core/query": {
    post: Op<NoParams, { "ia::result": { key: string; id: string }[]; "ia::meta": { totalCount: number; next: number | null } }, { object: string; fields: string[]; start?: number; size?: number }>;
  };
  "/repos": { get: Op<{ query?: { per_page?: number; page?: number }; header?: never; path?: never; cookie?: never }, Repo[]> };
  "/projects/{id}/plans": { post: Op<{ query?: never; header?: never; path: { id: string }; cookie?: never }, { created: number }, Plan[]> };
}
