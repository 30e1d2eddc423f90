// The contract between the generator and the runtime: every vendor fact a client needs, as data.
// `pnpm generate` reads it from the spec (its own fields, or `x-apiforge-*` extensions our overlays
// add) into packages/<api>/src/generated/meta.ts; `createApiClient` picks its strategies from it.
// Nothing here names a vendor. Field paths are dotted (`links.next`, `ia::meta.next`); "" is the
// body itself (a bare-array page).

/** One pagination style per runtime strategy module (`pagination/<style>.ts`). */
export type PaginationStyle =
  /** `?page=&page_size=`, envelope with the items and optional total / total-pages counts (Parallax). */
  | "page-number"
  /** `?page=` (+ optional size), envelope `page_count`; items under a per-operation key (Clientary). */
  | "page-count"
  /** `?page=&per_page=`, follow `links.next` or `meta.current_page < meta.last_page` (Laravel, StrawBlond). */
  | "links-next"
  /** POST body `start`/`size`, follow a `next` start index until it is null or 0 (Sage query service). */
  | "body-start-size"
  /** `?page=&per_page=` with no counts: a short or empty page ends the listing. */
  | "page-per-page"
  /** `?starting_after=<last id>&limit=`, `has_more` says whether to go on (Stripe). */
  | "cursor"
  /** `?offset=&limit=`, a `next` URL (or a total) says whether to go on. */
  | "offset-limit"
  /** The body carries the absolute URL of the next page (`next_page_url`, `next`); null ends. */
  | "next-url"
  /** RFC 8288 `Link: <…>; rel="next"` response header (GitHub). */
  | "link-header";

/** How one list operation pages. Each strategy reads only the fields its style needs. */
export interface PaginationMeta {
  style: PaginationStyle;
  /** Where the items are in a page body; "" when the body is the array. */
  itemsPath: string;
  /** Where request parameters go: query string (GET lists) or JSON body (POST query services). @default "query" */
  paramsIn?: "query" | "body";
  /** Page-number parameter (page-number, page-count, links-next, page-per-page). */
  pageParam?: string;
  /** Page-size parameter (`page_size`, `per_page`, `limit`, `size`); absent when the size is fixed by the server. */
  pageSizeParam?: string;
  /** First page's number. @default 1 */
  firstPage?: number;
  /** Cursor parameter, e.g. `starting_after` (cursor). */
  cursorParam?: string;
  /** Item field whose value is the next cursor. @default "id" (cursor) */
  cursorField?: string;
  /** Offset / start parameter (offset-limit: `offset`; body-start-size: `start`). */
  offsetParam?: string;
  /** Total item count in a page, e.g. `total`, `total_count`, `meta.total`. */
  totalPath?: string;
  /** Total page count / last page, e.g. `total_pages`, `page_count`, `meta.last_page`. */
  totalPagesPath?: string;
  /** Current page number in a page, e.g. `meta.current_page`. */
  currentPagePath?: string;
  /** Next marker: a URL (`links.next`, `next_page_url`) or a start index (`ia::meta.next`). */
  nextPath?: string;
  /** Boolean "more pages" flag, e.g. `has_more`. */
  hasMorePath?: string;
  /** Largest page size the spec allows (the parameter's `maximum`). */
  maxPageSize?: number;
  /** The page size the server uses when none is sent. */
  defaultPageSize?: number;
}

/** One operation as the runtime sees it. */
export interface OperationMeta {
  method: "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";
  /** OpenAPI path template, e.g. `/v1/projects/{id}`. */
  path: string;
  /** Present when the operation returns one page of a listing. */
  pagination?: PaginationMeta;
  /** Present when the request body (or one array field of it) has a `maxItems`: chunked writes. */
  bulk?: { maxItems: number; field?: string };
  /** Header the operation accepts as an idempotency key, e.g. `Idempotency-Key`. */
  idempotencyHeader?: string;
}

/** How credentials reach the server; a spec may offer several, tried in the order given. */
export type AuthMeta =
  | { type: "apiKey"; in: "header" | "query" | "cookie"; name: string; env: string }
  | { type: "bearer"; env: string }
  /**
   * HTTP Basic. `token` says how one secret fills the pair: `username-and-password` sends it as
   * both (Clientary), `username` as the user with an empty password; absent: separate user/password.
   */
  | { type: "basic"; token?: "username-and-password" | "username"; env: string; passwordEnv?: string }
  | {
      type: "oauth2-client-credentials";
      /** Absolute, or relative to the base URL's origin. */
      tokenUrl: string;
      refreshUrl?: string;
      scopes?: string[];
      /**
       * How the client authenticates at the token endpoint: HTTP Basic (RFC 6749 §2.3.1) or
       * `client_id`/`client_secret` form fields (what e.g. Sage's guides show). @default "basic"
       */
      clientAuth?: "basic" | "body";
      /** Env var prefix: `<prefix>_CLIENT_ID`, `<prefix>_CLIENT_SECRET`, `<prefix>_ACCESS_TOKEN`, optional `<prefix>_USERNAME`. */
      env: string;
    };

/** One error body shape; the first envelope whose `root` exists in a body wins. */
export interface ErrorEnvelopeMeta {
  /** Path of the error object in the body; "" for the body itself. */
  root: string;
  /** Paths inside the error object. */
  message?: string;
  code?: string;
  /** Per-field problems: an array of `{ field, message }`-like objects, or an object `field → string[]` (Laravel). */
  details?: string;
  /** A support / error id that identifies this failure. */
  errorId?: string;
  /** A request id inside the error object (e.g. Parallax `trace_id`, Sage `supportId`). */
  requestId?: string;
}

/** Vendor facts about errors and request ids. */
export interface ErrorsMeta {
  envelopes: ErrorEnvelopeMeta[];
  /** Response header carrying a request id, on success and failure (e.g. `X-Request-Id`). */
  requestIdHeader?: string;
}

/** Client-side pacing the spec states, or how to stay safe when it states none. */
export interface RateLimitMeta {
  /** A documented window: at most `limit` requests per `windowMs`. */
  window?: { limit: number; windowMs: number };
  /** A documented cap on requests in flight at once. */
  maxConcurrent?: number;
  /** No window documented: learn from 429 / Retry-After / X-RateLimit-* headers instead. */
  adaptive?: boolean;
  /** Extra response headers that carry a retry delay (seconds or HTTP date), beside Retry-After. */
  retryAfterHeaders?: string[];
  /** Headers with the remaining budget and the limit, beside the X-RateLimit-* / RateLimit-* defaults. */
  remainingHeaders?: string[];
  limitHeaders?: string[];
}

/** How a vendor signs webhook deliveries (HMAC over the raw body), as data. */
export interface WebhookMeta {
  signatureHeader: string;
  /** Header with the signing time in Unix seconds, when the vendor sends one. */
  timestampHeader?: string;
  algorithm: "hmac-sha256";
  /** What is signed: the raw body, or `{timestamp}.{raw body}`. */
  signedPayload: "body" | "timestamp.body";
  /** Prefix before the digest in the header, e.g. `sha256=`. */
  signaturePrefix?: string;
  /** Digest encodings accepted. */
  encodings: ("hex" | "base64")[];
  /** Largest accepted age of a signed timestamp. */
  toleranceSeconds?: number;
  /** Body field naming the event, for the typed event union (e.g. `Topic`, `event`). */
  eventField?: string;
}

/** How one query parameter is serialised (OpenAPI `style` + `explode`). */
export interface QueryStyle {
  style: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
  explode: boolean;
}

/** Everything `pnpm generate` writes into meta.ts for one API. */
export interface ApiMeta {
  /** Folder name under spec/, e.g. `parallax`. */
  api: string;
  title: string;
  version: string;
  specSha256: string;
  /** Prefix of this API's environment variables: `<envPrefix>_BASE_URL`, `<envPrefix>_LOG`. */
  envPrefix: string;
  servers: readonly { url: string; description?: string; variables?: Record<string, { default: string; enum?: readonly string[] }> }[];
  auth: readonly AuthMeta[];
  errors: ErrorsMeta;
  rateLimit: RateLimitMeta;
  /** Every operation by operationId. */
  operations: Record<string, OperationMeta>;
  webhooks?: WebhookMeta;
  /** Query parameters (by name) whose serialisation differs from openapi-fetch's defaults (arrays form+explode, objects deepObject+explode). */
  queryStyles?: Record<string, QueryStyle>;
}
