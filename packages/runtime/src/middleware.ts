// openapi-fetch middleware cannot re-send a request (the request it sees in onResponse has
// already been used, TOOLCHAIN.md gotcha 8), so retries and pacing live in the fetch wrapper. It
// still needs to know which OpenAPI operation a request is for, so events and errors are grouped
// by `/pets/{id}` instead of every concrete id. An SDK client's methods tell it by sending through
// `transport.fetchFor(path)` (no middleware on the hot path: each costs openapi-fetch an id, a
// frozen options object and two awaits per call); a bare openapi-fetch client on the transport
// gets the same from this decorating middleware.
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
