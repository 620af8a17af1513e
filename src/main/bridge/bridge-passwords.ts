import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { isAppError } from '../../shared/ipc/app-error';
import { keychainError } from '../vault/keychain-errors';
import { lazyKeytar, type SecretStore } from '../vault/secret-store';
import { bridgeKeychainSuffix } from '../config/schema';
import { accountForUpn, defaultKeychainService } from '../vault/vault-service';

/**
 * The keychain service for bridge passwords: `m365-connect-bridge` for the default keychain
 * service, otherwise `<keychainService>-bridge`, so a deployment (or a test) that renames one
 * keeps both apart.
 */
export const bridgeKeychainService = (keychainService: string = defaultKeychainService) => `${keychainService}${bridgeKeychainSuffix}`;

/** Letters and digits only: every tool accepts them unquoted, and 32 of them carry ~190 bits. */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789';
export const bridgePasswordLength = 32;

export function generateBridgePassword(): string {
  let out = '';
  for (let i = 0; i < bridgePasswordLength; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export interface BridgePasswords {
  /** The account's password, created on first use; rotate replaces it. */
  get(upn: string, options?: { rotate?: boolean }): Promise<string>;
  /** True only when a password exists for this UPN and `candidate` equals it (constant time). */
  verify(upn: string, candidate: string): Promise<boolean>;
}

export function createBridgePasswords(options: { service: string; store?: SecretStore; platform?: NodeJS.Platform }): BridgePasswords {
  const store = options.store ?? lazyKeytar();
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isAppError(error)) throw error;
      throw keychainError(error, options.platform);
    }
  };
  return {
    get: (upn, { rotate = false } = {}) =>
      guarded(async () => {
        const account = accountForUpn(upn);
        const existing = rotate ? null : await store.getPassword(options.service, account);
        if (existing) return existing;
        const created = generateBridgePassword();
        await store.setPassword(options.service, account, created);
        return created;
      }),
    verify: (upn, candidate) =>
      guarded(async () => {
        const account = upn.trim().toLowerCase();
        if (account === '') return false;
        const stored = await store.getPassword(options.service, account);
        // Hash both sides so the comparison takes the same time whatever the lengths.
        const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
        const match = timingSafeEqual(digest(stored ?? ''), digest(candidate));
        return stored !== null && stored !== '' && match;
      }),
  };
}
