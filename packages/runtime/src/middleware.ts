// openapi-fetch middleware cannot re-send a request (the request it sees in onResponse has
// already been used, TOOLCHAIN.md gotcha 8), so retries and pacing live in the fetch wrapper and
// this middleware only decorates: it tells the wrapper which OpenAPI operation a request is for,
// so events and errors can be grouped by `/pets/{id}` instead of every concrete id.
import type { Middleware } from "openapi-fetch";

const operations = new WeakMap<Request, string>();

/** The OpenAPI path template openapi-fetch used for this request, when the middleware saw it. */
export function operationOf(request: Request): string | undefined {
  return operations.get(request);
}

/** The decorating middleware; install it last (`client.use(transport.middleware)`) so it sees the final Request. */
export function createTransportMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      operations.set(request, schemaPath);
    },
  };
}
