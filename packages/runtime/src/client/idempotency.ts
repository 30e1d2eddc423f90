// Operations whose spec declares an idempotency header get a fresh key per logical call, set once
// before the first attempt, so every retry of that call carries the same key and a POST retried
// after a 5xx or a reset is safe. A key the caller set is kept.
import type { Middleware } from "openapi-fetch";
import type { ApiMeta } from "../api-meta.js";

/** The middleware, or `undefined` when no operation declares an idempotency header. */
export function idempotencyMiddleware(meta: ApiMeta): Middleware | undefined {
  const headers = new Map<string, string>();
  for (const op of Object.values(meta.operations)) {
    if (op.idempotencyHeader) headers.set(`${op.method.toUpperCase()} ${op.path}`, op.idempotencyHeader);
  }
  if (headers.size === 0) return undefined;
  return {
    onRequest({ request, schemaPath }) {
      const name = headers.get(`${request.method} ${schemaPath}`);
      if (!name || request.headers.has(name)) return undefined;
      request.headers.set(name, crypto.randomUUID());
      return request;
    },
  };
}
