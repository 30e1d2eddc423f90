// openapi-fetch middleware cannot re-send a request (the request it sees in onResponse has
// already been used, TOOLCHAIN.md gotcha 8), so retries and pacing live in the fetch wrapper. It
// still needs to know which OpenAPI operation a request is for, so events and errors are grouped
// by `/pets/{id}` instead of every concrete id. An SDK client's methods put the path template on
// the call's init (`operationPath`), which openapi-fetch copies onto the Request it builds: no
// middleware on the hot path (each one costs openapi-fetch an id, a frozen options object and two
// awaits per call). A bare openapi-fetch client gets the same from this decorating middleware.
import type { Middleware } from "openapi-fetch";

/** What an SDK client's methods add to a call's init; openapi-fetch copies it onto the Request. */
export interface OperationMark {
  /** The OpenAPI path template, e.g. `/pets/{id}`. */
  operationPath?: string;
  /** True when the caller passed a `signal` (the Request's own signal can then abort). */
  callerSignal?: boolean;
}

const operations = new WeakMap<Request, string>();

/** The OpenAPI path template openapi-fetch used for this request, when the client or middleware marked it. */
export function operationOf(request: Request): string | undefined {
  return (request as Request & OperationMark).operationPath ?? operations.get(request);
}

/** The decorating middleware; install it last (`client.use(transport.middleware)`) so it sees the final Request. */
export function createTransportMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      operations.set(request, schemaPath);
    },
  };
}
