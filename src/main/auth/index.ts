export {
  createAuthService,
  graphScopes,
  tokenCacheServiceName,
  type AccountToken,
  type AccountTokenScope,
  type AccountTokenSource,
  type AuthServiceWithGraph,
  type CreateAuthServiceOptions,
  type GraphToken,
  type GraphTokenSource,
} from './auth-service';
export { mapAuthError, SignInCancelledError } from './map-auth-error';
export { openTokenCache, type TokenCacheStore } from './token-cache';
