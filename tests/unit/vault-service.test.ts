import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/ipc/app-error';
import { createVaultService, type SecretStore } from '../../src/main/vault';

/** A keytar stand-in that keeps secrets in memory and can be told to fail like a real keychain. */
function memoryStore() {
  const items = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  let failure: Error | null = null;
  const check = () => {
    if (failure) throw failure;
  };
  const store: SecretStore = {
    async getPassword(service, account) {
      check();
      return items.get(key(service, account)) ?? null;
    },
    async setPassword(service, account, password) {
      check();
      items.set(key(service, account), password);
    },
    async deletePassword(service, account) {
      check();
      return items.delete(key(service, account));
    },
    async findCredentials(service) {
      check();
      return [...items.entries()]
        .filter(([k]) => k.startsWith(`${service}\u0000`))
        .map(([k, password]) => ({ account: k.split('\u0000')[1] ?? '', password }));
    },
  };
  return { store, items, failWith: (error: Error | null) => (failure = error) };
}

const password = 'abcdefghijklmnop';

async function caught(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('vault service', () => {
  it('stores under service m365-connect and the lower-cased UPN, normalised', async () => {
    const { store, items } = memoryStore();
    const vault = createVaultService({ keytar: store });
    expect(vault.service).toBe('m365-connect');
    const result = await vault.store('Ada.Lovelace@Contoso.COM', ' abcd efgh ijkl mnop ', { replace: false });
    expect(result).toEqual({ service: 'm365-connect', account: 'ada.lovelace@contoso.com', replaced: false, warnings: [] });
    expect(items.get('m365-connect\u0000ada.lovelace@contoso.com')).toBe(password);
    expect(await vault.read('ADA.LOVELACE@contoso.com')).toBe(password);
    expect(await vault.has('ada.lovelace@contoso.com')).toBe(true);
    expect(vault.accountFor('  Ada.Lovelace@Contoso.COM ')).toBe('ada.lovelace@contoso.com');
  });

  it('honours a configured service name', async () => {
    const { store, items } = memoryStore();
    const vault = createVaultService({ service: 'corp-backup', keytar: store });
    await vault.store('u@contoso.com', password, { replace: false });
    expect([...items.keys()]).toEqual(['corp-backup\u0000u@contoso.com']);
  });

  it('refuses to overwrite unless replace is confirmed, then reports the replacement', async () => {
    const { store } = memoryStore();
    const vault = createVaultService({ keytar: store });
    await vault.store('u@contoso.com', password, { replace: false });
    const error = await caught(vault.store('U@contoso.com', 'ponmlkjihgfedcba', { replace: false }));
    expect(error.code).toBe('already-stored');
    expect(error.nextStep).toMatch(/replace/);
    expect(await vault.read('u@contoso.com')).toBe(password);
    const replaced = await vault.store('u@contoso.com', 'ponmlkjihgfedcba', { replace: true });
    expect(replaced.replaced).toBe(true);
    expect(await vault.read('u@contoso.com')).toBe('ponmlkjihgfedcba');
  });

  it('rejects what cannot be an app password before touching the keychain', async () => {
    const { store, items } = memoryStore();
    const vault = createVaultService({ keytar: store });
    const short = await caught(vault.store('u@contoso.com', 'short-one', { replace: false }));
    expect(short.code).toBe('invalid-password');
    expect(short.message).not.toContain('short');
    const error = await caught(vault.store('v@contoso.com', 'abc\ndef', { replace: false }));
    expect(error.code).toBe('invalid-password');
    expect(error.message).not.toContain('abc');
    expect(items.size).toBe(0);
  });

  it('forgets, lists accounts without values, and reports a missing one', async () => {
    const { store } = memoryStore();
    const vault = createVaultService({ keytar: store });
    await vault.store('b@contoso.com', password, { replace: false });
    await vault.store('a@contoso.com', 'ponmlkjihgfedcba', { replace: false });
    const list = await vault.list();
    expect(list).toEqual(['a@contoso.com', 'b@contoso.com']);
    expect(JSON.stringify(list)).not.toContain(password);
    expect(await vault.forget('B@contoso.com')).toBe(true);
    expect(await vault.forget('b@contoso.com')).toBe(false);
    expect(await vault.read('b@contoso.com')).toBeNull();
    expect(await vault.has('b@contoso.com')).toBe(false);
  });

  it.each([
    ['linux', 'Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain-unavailable', /gnome-keyring/],
    ['linux', 'The name org.freedesktop.secrets was not provided by any .service files', 'keychain-unavailable', /gnome-keyring/],
    ['linux', 'Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'keychain-unavailable', /Unlock the login keyring/],
    ['linux', 'Cannot create an item in a locked collection', 'keychain-unavailable', /Unlock the login keyring/],
    ['linux', 'Prompt dismissed', 'keychain-denied', /allow access/],
    ['darwin', 'User interaction is not allowed.', 'keychain-unavailable', /Unlock the login keychain/],
    ['darwin', 'The user name or passphrase you entered is not correct.', 'keychain-unavailable', /login keychain/],
    ['darwin', 'User canceled the operation.', 'keychain-denied', /Allow/],
    ['win32', 'Element not found.', 'keychain-unavailable', /Credential Manager/],
  ] as const)('%s: "%s" -> %s with the way forward', async (platform, message, code, nextStep) => {
    const { store, failWith } = memoryStore();
    const vault = createVaultService({ keytar: store, platform });
    failWith(new Error(`${message} (while saving ${password})`));
    for (const call of [vault.store('u@contoso.com', password, { replace: true }), vault.read('u@contoso.com'), vault.list(), vault.forget('u@contoso.com')]) {
      const error = await caught(call);
      expect(error.code).toBe(code);
      expect(error.nextStep).toMatch(nextStep);
      // Neither the keychain's own words nor the secret reach the user-facing error.
      expect(JSON.stringify(error.toShape())).not.toContain(password);
      expect(error.message).not.toContain(message);
    }
  });

  it('treats a keytar that cannot even load as an unavailable keychain, never a fallback', async () => {
    const broken: SecretStore = new Proxy({} as SecretStore, {
      get: () => async () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });
    const vault = createVaultService({ keytar: broken, platform: 'linux' });
    const error = await caught(vault.store('u@contoso.com', password, { replace: false }));
    expect(error.code).toBe('keychain-unavailable');
  });
});
