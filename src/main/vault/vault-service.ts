import { alreadyStored } from '../../shared/errors/catalogue';
import { AppError, isAppError } from '../../shared/ipc/app-error';
import { normalizeAppPassword } from '../../shared/vault/normalize';
import type { StoreResult, VaultService } from '../services';
import { keychainError } from './keychain-errors';
import { lazyKeytar, lockCheckedStore, type SecretStore } from './secret-store';

/** The documented contract other tools read the password by (README, "Keychain contract"). */
export const defaultKeychainService = 'm365-connect';

export type VaultOptions = {
  /** Keychain service name; `m365-connect` unless policy or settings say otherwise. */
  service?: string;
  /** The keychain backend; keytar (loaded on first use) unless a test injects one. */
  keytar?: SecretStore;
  /** Which platform's advice to give when the keychain fails. */
  platform?: NodeJS.Platform;
};

export function accountForUpn(upn: string): string {
  const account = upn.trim().toLowerCase();
  if (account === '') throw new AppError({ code: 'invalid-payload', message: 'A user name (UPN) is needed.' });
  return account;
}

export function createVaultService(options: VaultOptions = {}): VaultService {
  const service = options.service ?? defaultKeychainService;
  const store = options.keytar ?? lockCheckedStore(lazyKeytar());
  const platform = options.platform ?? process.platform;

  // Every keychain call goes through here: failures become typed, secret-free errors.
  const guarded = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isAppError(error)) throw error;
      throw keychainError(error, platform);
    }
  };

  return {
    service,
    accountFor: accountForUpn,

    async has(upn) {
      const account = accountForUpn(upn);
      return (await guarded(() => store.getPassword(service, account))) !== null;
    },

    async store(upn, password, { replace }): Promise<StoreResult> {
      const account = accountForUpn(upn);
      const checked = normalizeAppPassword(password);
      if (!checked.ok) throw new AppError({ code: 'invalid-password', message: checked.message });
      const existing = await guarded(() => store.getPassword(service, account));
      if (existing !== null && !replace) {
        throw alreadyStored(account);
      }
      await guarded(() => store.setPassword(service, account, checked.value));
      return { service, account, replaced: existing !== null, warnings: checked.warnings };
    },

    async read(upn) {
      const account = accountForUpn(upn);
      return guarded(() => store.getPassword(service, account));
    },

    async forget(upn) {
      const account = accountForUpn(upn);
      return guarded(() => store.deletePassword(service, account));
    },

    async list() {
      const credentials = await guarded(() => store.findCredentials(service));
      // Only the account names leave this function; the values are dropped here.
      return [...new Set(credentials.map((credential) => credential.account))].sort();
    },
  };
}
