// Operations whose spec declares an idempotency header (any name: `Idempotency-Key`,
// `X-Idempotency-Token`…) get a fresh key per logical call, set once before the first attempt, so
// every retry of that call carries the same key and a POST retried after a 5xx or a reset is safe.
// A key the caller set (the header, or the `idempotencyKey` call option) is kept.
import type { Middleware } from "openapi-fetch";
import type { ApiMeta } from "../api-meta.js";
import { operationOf } from "../middleware.js";
import type { RequestWithCallOptions } from "./call.js";

/** `"POST /orders"` → the header that operation declares. */
export function idempotencyHeaders(meta: ApiMeta): Map<string, string> {
  const headers = new Map<string, string>();
  for (const op of Object.values(meta.operations)) {
    if (op.idempotencyHeader) headers.set(`${op.method.toUpperCase()} ${op.path}`, op.idempotencyHeader);
  }
  return headers;
}

/** The transport's `idempotencyHeader` resolver: the request's operation's declared header, else none. */
export function idempotencyHeaderResolver(headers: Map<string, string>): (request: Request, operation?: string) => string | undefined {
  return (request, operation = operationOf(request)) => (operation === undefined ? undefined : headers.get(`${request.method} ${operation}`));
}

/** The middleware, or `undefined` when no operation declares an idempotency header. */
export function idempotencyMiddleware(headers: Map<string, string>): Middleware | undefined {
  if (headers.size === 0) return undefined;
  return {
    onRequest({ request, schemaPath }) {
      const name = headers.get(`${request.method} ${schemaPath}`);
      // the transport sends a caller's `idempotencyKey` itself
      if (!name || request.headers.has(name) || (request as RequestWithCallOptions).idempotencyKey !== undefined) return undefined;
      request.headers.set(name, crypto.randomUUID());
      return request;
    },
  };
}
