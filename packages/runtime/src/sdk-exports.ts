// What every generated SDK re-exports (`export * from "@apiforge/runtime/sdk-exports"` in its
// index.ts), so callers can `instanceof` the typed errors and `unwrap` results without importing
// the runtime themselves. One list here instead of a copy in every package; an SDK adds only what
// its vendor has beyond it (webhook errors, aliases).
export {
  AbortError,
  ApiError,
  AuthenticationError,
  ChunkError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  PlanLimitError,
  RateLimitError,
  SdkError,
  TimeoutError,
  ValidationError,
} from "./errors.js";
export { MissingCredentialsError } from "./auth/missing-credentials.js";
export { ClientConfigError } from "./client/options.js";
export type { AttemptEvent } from "./options.js";
export { PaginationError } from "./pagination/errors.js";
export type { PaginationCheckpoint, PaginationWarning } from "./pagination/types.js";
export { unwrap } from "./result.js";
export { WebhookVerificationError } from "./webhooks/errors.js";
// the client without pacing, paginate and bulk, on the SDK's own meta: `createLiteClient<paths, typeof meta>(meta, options)`
export { createLiteClient, type LiteApiClient, type LiteClientOptions } from "./client/create.js";
