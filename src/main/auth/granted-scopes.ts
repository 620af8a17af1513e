import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write';

/**
 * The Graph scopes Entra granted the current account's last `.default` token, and when that
 * token expires: MSAL caches the token under these scopes, so a new process that asks for
 * exactly them finds it instead of refreshing. Scope names and a time, never a token.
 * `where` (authority and Graph resource) keeps a record from another cloud or tenant unused.
 */
export type GrantedGraphScopes = {
  homeAccountId: string;
  where: string;
  scopes: string[];
  /** Milliseconds since the epoch. */
  expiresOn: number;
};

/** A file of its own beside active-account.json, so noting scopes can never undo an account switch. */
export function grantedScopesStore(cacheDir: string) {
  const file = join(cacheDir, 'graph-scopes.json');
  return {
    async read(): Promise<GrantedGraphScopes | null> {
      try {
        return asGranted(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        return null;
      }
    },
    async write(granted: GrantedGraphScopes): Promise<void> {
      await writeFileAtomic(file, `${JSON.stringify(granted)}\n`);
    },
    async clear(): Promise<void> {
      await rm(file, { force: true });
    },
  };
}

function asGranted(parsed: unknown): GrantedGraphScopes | null {
  if (parsed === null || typeof parsed !== 'object') return null;
  const { homeAccountId, where, scopes, expiresOn } = parsed as Record<string, unknown>;
  if (typeof homeAccountId !== 'string' || typeof where !== 'string' || typeof expiresOn !== 'number') return null;
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((s): s is string => typeof s === 'string')) return null;
  return { homeAccountId, where, scopes, expiresOn };
}
