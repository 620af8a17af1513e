import type { SecretStore } from '../../src/main/vault/secret-store';

/** An in-memory keychain: these tests are about the bridge, the keychain has its own. */
export function memorySecretStore(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\n${account}`;
  return {
    entries,
    getPassword: async (service, account) => entries.get(key(service, account)) ?? null,
    setPassword: async (service, account, password) => void entries.set(key(service, account), password),
    deletePassword: async (service, account) => entries.delete(key(service, account)),
    findCredentials: async (service) =>
      [...entries].filter(([k]) => k.startsWith(`${service}\n`)).map(([k, password]) => ({ account: k.split('\n')[1]!, password })),
  };
}
