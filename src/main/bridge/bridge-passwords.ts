import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
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

/** A verifier kept in memory is re-read from the keychain at least this often. */
export const verifierMaxAgeMs = 5 * 60 * 1000;

export type BridgePasswordsOptions = {
  service: string;
  store?: SecretStore;
  platform?: NodeJS.Platform;
  /**
   * Changes whenever some process replaced a bridge password (see bridge-password-stamp.ts):
   * verifiers remembered before the change are dropped, so a rotated password stops working at
   * once even when another process rotated it. Cheap: it is asked on every login.
   */
  changeStamp?: () => Promise<string>;
  now?: () => number;
};

export function createBridgePasswords(options: BridgePasswordsOptions): BridgePasswords {
  const store = options.store ?? lazyKeytar();
  const now = options.now ?? Date.now;
  const changeStamp = options.changeStamp ?? (async () => '');
  // Reading the keychain is a D-Bus round trip (libsecret) per login. After one read, an HMAC
  // of the password under a key that never leaves this process stands in for it: the password
  // itself is not kept, and the comparison stays constant time on fixed-length digests.
  const key = randomBytes(32);
  const mac = (value: string) => createHmac('sha256', key).update(value, 'utf8').digest();
  const verifiers = new Map<string, { digest: Buffer; stamp: string; at: number }>();

  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isAppError(error)) throw error;
      throw keychainError(error, options.platform);
    }
  };
  const remember = (account: string, password: string, stamp: string) => verifiers.set(account, { digest: mac(password), stamp, at: now() });

  return {
    get: (upn, { rotate = false } = {}) =>
      guarded(async () => {
        const account = accountForUpn(upn);
        const existing = rotate ? null : await store.getPassword(options.service, account);
        if (existing) return existing;
        verifiers.delete(account);
        const created = generateBridgePassword();
        await store.setPassword(options.service, account, created);
        return created;
      }),
    verify: (upn, candidate) =>
      guarded(async () => {
        const account = upn.trim().toLowerCase();
        if (account === '') return false;
        const stamp = await changeStamp();
        const known = verifiers.get(account);
        if (known && known.stamp === stamp && now() - known.at < verifierMaxAgeMs) {
          return timingSafeEqual(known.digest, mac(candidate));
        }
        verifiers.delete(account);
        const stored = await store.getPassword(options.service, account);
        // Fixed-length digests on both sides: the comparison takes the same time whatever the lengths.
        const match = timingSafeEqual(mac(stored ?? ''), mac(candidate));
        if (stored === null || stored === '') return false;
        remember(account, stored, stamp);
        return match;
      }),
  };
}
