import type { AccountToken, AccountTokenScope, AccountTokenSource } from '../auth/auth-service';

/** Renew this long before the token expires, so a session never starts with a dying token. */
export const renewBeforeMs = 5 * 60 * 1000;

/**
 * Access tokens in memory per account and protocol, reused until five minutes before they
 * expire: a login through the bridge then costs no keychain read and no Entra round trip.
 * Concurrent logins for the same account share one request.
 */
export function createBridgeTokenCache(source: Pick<AccountTokenSource, 'acquireAccountToken'>, now = () => Date.now()) {
  const cached = new Map<string, { token: Promise<AccountToken>; expiresAt: number }>();
  const keyOf = (upn: string, scope: AccountTokenScope) => `${scope} ${upn.trim().toLowerCase()}`;
  return {
    async get(upn: string, scope: AccountTokenScope): Promise<string> {
      const key = keyOf(upn, scope);
      const hit = cached.get(key);
      if (hit && hit.expiresAt - renewBeforeMs > now()) return (await hit.token).accessToken;
      const token = source.acquireAccountToken(upn, scope);
      // Until it resolves, concurrent logins wait for the same request.
      const entry = { token, expiresAt: Number.POSITIVE_INFINITY };
      cached.set(key, entry);
      try {
        const result = await token;
        entry.expiresAt = result.expiresOn ? result.expiresOn.getTime() : 0;
        return result.accessToken;
      } catch (error) {
        if (cached.get(key) === entry) cached.delete(key);
        throw error;
      }
    },
    /** Forget an account's tokens (upstream refused one, or the user signed out). */
    forget(upn: string): void {
      for (const scope of ['smtp', 'imap'] as const) cached.delete(keyOf(upn, scope));
    },
  };
}
export type BridgeTokenCache = ReturnType<typeof createBridgeTokenCache>;
