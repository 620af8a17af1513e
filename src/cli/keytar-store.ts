import type { SecretStore } from '../main/vault';

/**
 * keytar for the bundled (CommonJS) CLI. `import('keytar')` from CommonJS yields a namespace
 * whose detected named exports lack findCredentials, so the whole module object (`default`)
 * is preferred. Loaded on first use: `config show` must work without libsecret.
 */
export function cliKeytar(): SecretStore {
  let loaded: Promise<SecretStore> | undefined;
  const store = () =>
    (loaded ??= import('keytar').then((module) => {
      const whole = (module as { default?: SecretStore }).default;
      return whole && typeof whole.findCredentials === 'function' ? whole : (module as unknown as SecretStore);
    }));
  return {
    getPassword: async (service, account) => (await store()).getPassword(service, account),
    setPassword: async (service, account, password) => (await store()).setPassword(service, account, password),
    deletePassword: async (service, account) => (await store()).deletePassword(service, account),
    findCredentials: async (service) => (await store()).findCredentials(service),
  };
}
