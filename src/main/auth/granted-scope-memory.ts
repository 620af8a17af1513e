import { grantedScopesStore, type GrantedGraphScopes } from './granted-scopes';

/** What noting needs from MSAL's AuthenticationResult. */
export type GrantedTokenResult = { account: { homeAccountId: string } | null; scopes: string[]; expiresOn: Date | null };

const oidcScopes = new Set(['openid', 'profile', 'email', 'offline_access']);

/**
 * MSAL renews a cached token within five minutes of its expiry (tokenRenewalOffsetSeconds,
 * https://learn.microsoft.com/javascript/api/@azure/msal-node/configuration); a minute more
 * so a token asked for by its granted scopes is one MSAL still returns from its cache.
 */
export const grantedScopesMarginMs = 6 * 60_000;

/**
 * MSAL caches a `.default` token under the scopes Entra granted, so asking for `.default` always
 * misses its cache and costs a refresh round trip (and a keychain write). This remembers, per
 * account, the granted scopes and their token's expiry, in memory and in a file for the next
 * process. They are offered only while that token is valid: a renewal always asks `.default`
 * again, so permissions granted since are picked up. Written only from token results:
 * concurrent calls agree on it.
 */
export function grantedScopeMemory(cacheDir: string, where: string) {
  const store = grantedScopesStore(cacheDir);
  const known = new Map<string, GrantedGraphScopes>();
  // The file is read once per process, at the first token request.
  let loaded: Promise<void> | null = null;
  const load = () =>
    (loaded ??= store.read().then((saved) => {
      if (saved && saved.where === where && !known.has(saved.homeAccountId)) known.set(saved.homeAccountId, saved);
    }));

  const forget = async (homeAccountId: string): Promise<void> => {
    await load();
    known.delete(homeAccountId);
    const saved = await store.read();
    if (saved?.homeAccountId === homeAccountId) await store.clear().catch(() => undefined);
  };

  return {
    /** The scopes to ask for this account's Graph token by, or null to ask `.default`. */
    async usable(homeAccountId: string, now = Date.now()): Promise<string[] | null> {
      await load();
      const granted = known.get(homeAccountId);
      return granted && granted.expiresOn - grantedScopesMarginMs > now ? granted.scopes : null;
    },

    async note(result: GrantedTokenResult): Promise<void> {
      if (!result.account) return;
      const { homeAccountId } = result.account;
      const scopes = result.scopes.filter((scope) => !oidcScopes.has(scope.toLowerCase()));
      const expiresOn = result.expiresOn?.getTime() ?? 0;
      if (scopes.length === 0) return forget(homeAccountId);
      const before = known.get(homeAccountId);
      if (before && before.expiresOn === expiresOn && sameScopes(before.scopes, scopes)) return;
      const granted = { homeAccountId, where, scopes, expiresOn };
      known.set(homeAccountId, granted);
      // Only a shortcut for the next process: a file that cannot be written costs a refresh there.
      await store.write(granted).catch(() => undefined);
    },

    forget,

    async clear(): Promise<void> {
      known.clear();
      // A record left behind only names scopes: the next token result replaces it.
      await store.clear().catch(() => undefined);
    },
  };
}

const sameScopes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((scope, i) => scope === b[i]);
