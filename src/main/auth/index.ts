export {
  createAuthService,
  graphScopes,
  tokenCacheServiceName,
  type AuthServiceWithGraph,
  type CreateAuthServiceOptions,
  type GraphToken,
  type GraphTokenSource,
} from './auth-service';
export { mapAuthError, SignInCancelledError } from './errors';
export { openTokenCache, type TokenCacheStore } from './token-cache';
