export { type BulkHelpers, type BulkOptions, createBulk } from "./bulk.js";
export type { CallMethod, CallMethods, CallOptions } from "./call.js";
export { type ApiClient, createApiClient, createLiteClient, type LiteApiClient, type LiteClientOptions, requestIdOf } from "./create.js";
export {
  type ApiClientLogger,
  type ApiClientOptions,
  type BaseClientOptions,
  ClientConfigError,
  type CredentialOptions,
  defaultEnv,
  resolveBaseUrl,
  type ServerVariableOptions,
} from "./options.js";
export { type ApiEstimate, type ApiPaginator, createPaginate, type Paginate } from "./paginate.js";
export type {
  AtPath,
  BulkEntry,
  BulkInit,
  BulkOperationId,
  BulkResponse,
  ListInit,
  PageBody,
  PageItem,
  PaginateArgs,
  PaginatedOperationId,
  PaginatedPath,
  PaginateOptions,
  PagingParams,
  SuccessBody,
} from "./types.js";
