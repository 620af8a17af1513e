import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ICachePlugin } from '@azure/msal-node';
import { DataProtectionScope, PersistenceCachePlugin, PersistenceCreator, type IPersistence } from '@azure/msal-node-extensions';

export type TokenCacheStore = {
  /** null: tokens stay in memory only (no OS secret store reachable). */
  plugin: ICachePlugin | null;
  persisted: boolean;
  /** Why the cache is in memory only, for the UI; null when persisted. */
  reason: string | null;
  /** Deletes the persisted cache (sign-out of the last account). */
  clear(): Promise<void>;
};

export type TokenCacheOptions = {
  cacheDir: string;
  /** Keychain service the encrypted cache lives under. */
  serviceName: string;
  accountName?: string;
  /** Tests inject a failing creator to prove the in-memory fallback. */
  createPersistence?: typeof PersistenceCreator.createPersistence;
};

/**
 * The token cache, encrypted by the OS: DPAPI on Windows, Keychain on macOS, libsecret
 * (Secret Service) on Linux, via @azure/msal-node-extensions. Never a plaintext file: if the
 * store is unavailable the cache lives in memory for this run and the caller says so.
 */
export async function openTokenCache(options: TokenCacheOptions): Promise<TokenCacheStore> {
  const create = options.createPersistence ?? PersistenceCreator.createPersistence.bind(PersistenceCreator);
  let persistence: IPersistence;
  try {
    await mkdir(options.cacheDir, { recursive: true, mode: 0o700 });
    persistence = await create({
      // On Linux and macOS this file holds no tokens, only a change marker; on Windows it is DPAPI-encrypted.
      cachePath: join(options.cacheDir, 'msal-token-cache.bin'),
      dataProtectionScope: DataProtectionScope.CurrentUser,
      serviceName: options.serviceName,
      accountName: options.accountName ?? 'msal-token-cache',
      usePlaintextFileOnLinux: false,
    });
  } catch (error) {
    return {
      plugin: null,
      persisted: false,
      reason: `The operating system's secret store is not available (${describe(error)}); you will need to sign in again next time.`,
      clear: async () => undefined,
    };
  }
  return {
    plugin: new PersistenceCachePlugin(persistence),
    persisted: true,
    reason: null,
    clear: async () => {
      await persistence.delete().catch(() => false);
    },
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Keep it short: libsecret errors can be long D-Bus diagnostics.
  return message.split('\n')[0]?.slice(0, 160) ?? 'unknown error';
}
