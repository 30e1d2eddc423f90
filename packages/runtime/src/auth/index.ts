// Exports only: createAuth (./create.ts) and the strategies. The client imports ./create.ts, not
// this barrel, so the OAuth2 module it loads lazily is not also a static import of every bundle.
export { createAuth } from "./create.js";
export { ApiKeyAuth, type ApiKeyAuthOptions } from "./api-key.js";
export { BasicAuth } from "./basic.js";
export { BearerAuth } from "./bearer.js";
export { type CredentialOption, MissingCredentialsError } from "./missing-credentials.js";
export { OAuth2ClientCredentials, type OAuth2ClientCredentialsOptions } from "./oauth2-client-credentials.js";
export { OAuth2TokenError, type OAuth2TokenErrorInit } from "./token-error.js";
export type { Auth, AuthContext, AuthCredentials } from "./types.js";
