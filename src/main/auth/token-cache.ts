import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ICachePlugin } from '@azure/msal-node';
import { AppError } from '../../shared/ipc/app-error';
import { keychainError } from '../vault/keychain-errors';
import { KeyringLockedError, secretServiceLockProbe, type KeyringProbe } from '../vault/keyring-lock';
import { DataProtectionScope, LibSecretPersistence, PersistenceCachePlugin, PersistenceCreator, type IPersistence, type IPersistenceConfiguration } from '@azure/msal-node-extensions';

export type TokenCacheStore = {
  /** null: tokens stay in memory only (no OS secret store reachable). */
  plugin: ICachePlugin | null;
  persisted: boolean;
  /** Why the cache is in memory only, for the UI; null when persisted. */
  reason: string | null;
  /**
   * Why the cache cannot be used at all (the keyring is locked): every sign-in call throws it
   * instead of reading an apparently empty cache. null when usable.
   */
  blocked: AppError | null;
  /** Deletes the persisted cache (sign-out of the last account, or a damaged cache). */
  clear(): Promise<void>;
};

/** The persisted cache is not MSAL's JSON: damaged, or written by something else. Never quotes it. */
export const tokenCacheCorrupted = () =>
  new AppError({
    code: 'token-cache-corrupted',
    message: 'The saved sign-in in the operating system keychain is damaged and cannot be read.',
    nextStep: 'Sign out (`m365-connect sign-out`, or Sign out in the app) to clear it, then sign in again.',
  });

export type TokenCacheOptions = {
  cacheDir: string;
  /** Keychain service the encrypted cache lives under. */
  serviceName: string;
  accountName?: string;
  /** Tests inject a failing creator to prove the in-memory fallback. */
  createPersistence?: typeof PersistenceCreator.createPersistence;
  /** Whether the keyring is locked (Linux Secret Service); checked before anything touches it. */
  lockProbe?: KeyringProbe;
};

/**
 * The token cache, encrypted by the OS: DPAPI on Windows, Keychain on macOS, libsecret
 * (Secret Service) on Linux, via @azure/msal-node-extensions. Never a plaintext file: if the
 * store is unavailable the cache lives in memory for this run and the caller says so.
 */
export async function openTokenCache(options: TokenCacheOptions): Promise<TokenCacheStore> {
  let persistence: IPersistence;
  // Creating the persistence writes and reads a probe item: on a locked keyring libsecret may
  // prompt or abort, so a locked keyring is detected first and reported, not touched.
  const probe = options.lockProbe ?? secretServiceLockProbe();
  const keyring = await probe();
  if (keyring === 'locked') {
    return { plugin: null, persisted: false, reason: 'The operating system keychain is locked.', blocked: keyringLocked(), clear: async () => undefined };
  }
  const create =
    options.createPersistence ??
    (keyring === 'unlocked' ? openedSecretServicePersistence : PersistenceCreator.createPersistence.bind(PersistenceCreator));
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
      blocked: null,
      clear: async () => undefined,
    };
  }
  return {
    plugin: new PersistenceCachePlugin(guardedPersistence(persistence, probe)),
    persisted: true,
    reason: null,
    blocked: null,
    clear: async () => {
      await persistence.delete().catch(() => false);
    },
  };
}

/**
 * The Secret Service persistence, without the check PersistenceCreator makes on every start
 * (write a dummy secret, read it back, delete it: three keyring calls and two file writes, about
 * 7 ms). Used only when the lock probe has just had the Secret Service answer that its default
 * collection, where libsecret keeps the item, is unlocked: that answer is what the check proves.
 */
const openedSecretServicePersistence = (config: IPersistenceConfiguration): Promise<IPersistence> =>
  LibSecretPersistence.create(config.cachePath!, config.serviceName!, config.accountName!);

const keyringLocked = () => {
  const locked = keychainError(new KeyringLockedError());
  return new AppError({
    code: 'keychain-unavailable',
    message: 'The operating system keychain is locked, so the saved sign-in cannot be read or updated.',
    ...(locked.nextStep ? { nextStep: locked.nextStep } : {}),
  });
};

/**
 * The persistence, except that (1) nothing reaches the keyring while it is locked (it may be
 * locked after start-up, e.g. by a screen lock), and (2) a stored cache which is not a JSON
 * object is refused with a typed error before MSAL parses it (MSAL's JSON.parse message would
 * quote the tokens).
 */
function guardedPersistence(persistence: IPersistence, probe: KeyringProbe): IPersistence {
  const unlocked = async () => {
    if ((await probe()) === 'locked') throw keyringLocked();
  };
  return new Proxy(persistence, {
    get(target, key) {
      if (key === 'load') {
        return async () => {
          await unlocked();
          const text = await target.load();
          if (text !== null && text !== '' && !isJsonObject(text)) throw tokenCacheCorrupted();
          return text;
        };
      }
      if (key === 'save') {
        return async (contents: string) => {
          await unlocked();
          return target.save(contents);
        };
      }
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function isJsonObject(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Keep it short: libsecret errors can be long D-Bus diagnostics.
  return message.split('\n')[0]?.slice(0, 160) ?? 'unknown error';
}
