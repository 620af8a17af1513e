import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPasswordStamp, touchPasswordStamp } from '../../src/main/bridge/bridge-password-stamp';
import { createBridgePasswords, verifierMaxAgeMs } from '../../src/main/bridge/bridge-passwords';
import { memorySecretStore } from '../support/memory-secret-store';

/** The keychain store, counting reads: a login with a remembered verifier must not read it. */
function countingStore() {
  const store = memorySecretStore();
  let reads = 0;
  return {
    store: { ...store, getPassword: (service: string, account: string) => ((reads += 1), store.getPassword(service, account)) },
    raw: store,
    reads: () => reads,
  };
}

describe('bridge password verifier kept in memory', () => {
  it('after one keychain read, logins (good or wrong) are checked without reading the keychain again', async () => {
    const { store, raw, reads } = countingStore();
    await raw.setPassword('svc', 'ada@contoso.com', 'A'.repeat(32));
    const passwords = createBridgePasswords({ service: 'svc', store });
    expect(await passwords.verify('Ada@Contoso.com', 'A'.repeat(32))).toBe(true);
    expect(reads()).toBe(1);
    expect(await passwords.verify('ada@contoso.com', 'A'.repeat(32))).toBe(true);
    expect(await passwords.verify('ada@contoso.com', 'B'.repeat(32))).toBe(false);
    expect(await passwords.verify('ada@contoso.com', '')).toBe(false);
    expect(await passwords.verify('ada@contoso.com', 'A'.repeat(31))).toBe(false);
    expect(reads()).toBe(1);
  });

  it('an unknown user is never remembered: each attempt asks the keychain, and is refused', async () => {
    const { store, raw, reads } = countingStore();
    const passwords = createBridgePasswords({ service: 'svc', store });
    expect(await passwords.verify('bob@contoso.com', '')).toBe(false);
    expect(await passwords.verify('bob@contoso.com', 'x')).toBe(false);
    expect(reads()).toBe(2);
    // Created later (bridge password command): accepted at once.
    await raw.setPassword('svc', 'bob@contoso.com', 'C'.repeat(32));
    expect(await passwords.verify('bob@contoso.com', 'C'.repeat(32))).toBe(true);
  });

  it('rotating in this process: the old password is refused at once, the new one accepted', async () => {
    const passwords = createBridgePasswords({ service: 'svc', store: memorySecretStore() });
    const old = await passwords.get('ada@contoso.com');
    expect(await passwords.verify('ada@contoso.com', old)).toBe(true);
    const rotated = await passwords.get('ada@contoso.com', { rotate: true });
    expect(await passwords.verify('ada@contoso.com', old)).toBe(false);
    expect(await passwords.verify('ada@contoso.com', rotated)).toBe(true);
  });

  it('rotated by another process: the change stamp drops the verifier, so the old password is refused', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bridge-stamp-'));
    const { store, raw } = countingStore();
    await raw.setPassword('svc', 'ada@contoso.com', 'A'.repeat(32));
    const passwords = createBridgePasswords({ service: 'svc', store, changeStamp: () => readPasswordStamp(dataDir) });
    expect(await passwords.verify('ada@contoso.com', 'A'.repeat(32))).toBe(true);
    // What `bridge password --rotate` does in its own process: a new keychain item, then the stamp.
    await raw.setPassword('svc', 'ada@contoso.com', 'D'.repeat(32));
    await touchPasswordStamp(dataDir);
    expect(await passwords.verify('ada@contoso.com', 'A'.repeat(32))).toBe(false);
    expect(await passwords.verify('ada@contoso.com', 'D'.repeat(32))).toBe(true);
    // And again, right away: two rotations in a row give two different stamps.
    await raw.setPassword('svc', 'ada@contoso.com', 'E'.repeat(32));
    await touchPasswordStamp(dataDir);
    expect(await passwords.verify('ada@contoso.com', 'D'.repeat(32))).toBe(false);
    expect(await passwords.verify('ada@contoso.com', 'E'.repeat(32))).toBe(true);
  });

  it('changed in the keychain by hand (no stamp): the verifier is re-read after its maximum age', async () => {
    let clock = 1_000_000;
    const { store, raw } = countingStore();
    await raw.setPassword('svc', 'ada@contoso.com', 'A'.repeat(32));
    const passwords = createBridgePasswords({ service: 'svc', store, now: () => clock });
    expect(await passwords.verify('ada@contoso.com', 'A'.repeat(32))).toBe(true);
    await raw.setPassword('svc', 'ada@contoso.com', 'F'.repeat(32));
    clock += verifierMaxAgeMs;
    expect(await passwords.verify('ada@contoso.com', 'A'.repeat(32))).toBe(false);
    expect(await passwords.verify('ada@contoso.com', 'F'.repeat(32))).toBe(true);
  });

  it('the stamp file holds no secret', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bridge-stamp-'));
    expect(await readPasswordStamp(dataDir)).toBe('none');
    await touchPasswordStamp(dataDir);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(dataDir, 'bridge', 'passwords-changed'), 'utf8')).toBe('rotated\n');
  });
});
