import { assertKeyringUnlocked, secretServiceLockProbe, type KeyringProbe } from './keyring-lock';

/**
 * The slice of keytar the vault uses. keytar's upstream is archived, so the vault depends on
 * this shape only: tests inject a fake, and a successor library can be adapted to it.
 */
export interface SecretStore {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/**
 * Loads keytar on first use, not at import: a machine without libsecret must still start the
 * app and be told what is missing, instead of crashing while loading the main process.
 */
export function lazyKeytar(load: () => Promise<SecretStore> = loadKeytar): SecretStore {
  let loaded: Promise<SecretStore> | undefined;
  const store = () => (loaded ??= load());
  return {
    getPassword: async (service, account) => (await store()).getPassword(service, account),
    setPassword: async (service, account, password) => (await store()).setPassword(service, account, password),
    deletePassword: async (service, account) => (await store()).deletePassword(service, account),
    findCredentials: async (service) => (await store()).findCredentials(service),
  };
}

/** keytar behind a lock check: on a locked keyring nothing reaches libsecret (see keyring-lock.ts). */
export function lockCheckedStore(store: SecretStore, probe: KeyringProbe = secretServiceLockProbe()): SecretStore {
  const checked =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await assertKeyringUnlocked(probe);
      return call(...args);
    };
  return {
    getPassword: checked((service: string, account: string) => store.getPassword(service, account)),
    setPassword: checked((service: string, account: string, password: string) => store.setPassword(service, account, password)),
    deletePassword: checked((service: string, account: string) => store.deletePassword(service, account)),
    findCredentials: checked((service: string) => store.findCredentials(service)),
  };
}

async function loadKeytar(): Promise<SecretStore> {
  const module = (await import('keytar')) as Partial<SecretStore> & { default?: SecretStore };
  // CommonJS through ESM interop: under Node's own ESM loader the namespace carries only the
  // names its lexer detected (getPassword alone, for keytar), so check for the whole shape.
  const complete = (candidate: Partial<SecretStore> | undefined): candidate is SecretStore =>
    candidate !== undefined &&
    ['getPassword', 'setPassword', 'deletePassword', 'findCredentials'].every(
      (name) => typeof candidate[name as keyof SecretStore] === 'function',
    );
  if (complete(module.default)) return module.default;
  if (complete(module)) return module;
  throw new Error('keytar loaded without its functions');
}
