import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { createVaultService } from '../../src/main/vault';

/**
 * The vault against the real OS keychain: gnome-keyring through libsecret, started by
 * scripts/with-keyring.sh. Without a reachable Secret Service these tests skip and say why.
 */
const run = promisify(execFile);
const service = `m365-connect-test-${randomBytes(4).toString('hex')}`;
const upn = 'Grace.Hopper@Contoso.com';
const password = 'lkjhgfdsapoiuytr';

async function secretServiceProblem(): Promise<string | null> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return 'no D-Bus session (run under scripts/with-keyring.sh)';
  try {
    await keytar.findCredentials(service);
    return null;
  } catch (error) {
    return `no Secret Service reachable (${error instanceof Error ? error.message : String(error)})`;
  }
}

const problem = await secretServiceProblem();
if (problem) console.warn(`vault-keychain.test.ts skipped: ${problem}`);

describe.skipIf(problem !== null)(`vault in a real gnome-keyring${problem ? ` (skipped: ${problem})` : ''}`, () => {
  const vault = createVaultService({ service });

  afterAll(async () => {
    for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  });

  it('stores, reads, refuses to overwrite, replaces, lists and forgets', async () => {
    expect(await vault.has(upn)).toBe(false);
    const stored = await vault.store(upn, 'lkjh gfds apoi uytr', { replace: false });
    expect(stored).toEqual({ service, account: 'grace.hopper@contoso.com', replaced: false, warnings: [] });
    // The contract other tools rely on: read it back with plain keytar under service + lower-case UPN.
    expect(await keytar.getPassword(service, 'grace.hopper@contoso.com')).toBe(password);
    expect(await vault.read(upn)).toBe(password);
    await expect(vault.store(upn, 'qwertzuiopasdfgh', { replace: false })).rejects.toMatchObject({ code: 'already-stored' });
    expect((await vault.store(upn, 'qwertzuiopasdfgh', { replace: true })).replaced).toBe(true);
    expect(await vault.read(upn)).toBe('qwertzuiopasdfgh');
    expect(await vault.list()).toEqual(['grace.hopper@contoso.com']);
    expect(await vault.forget(upn)).toBe(true);
    expect(await vault.read(upn)).toBeNull();
    expect(await vault.forget(upn)).toBe(false);
  });

  it('leaves no plaintext copy in any file under the keyring and data folders', async () => {
    await vault.store(upn, password, { replace: true });
    const roots = [process.env.XDG_DATA_HOME, process.env.XDG_RUNTIME_DIR, process.env.HOME].filter(
      (root): root is string => typeof root === 'string' && root.startsWith('/tmp'),
    );
    const forms = [password, Buffer.from(password).toString('base64'), Buffer.from(password, 'utf16le').toString('latin1')];
    let scanned = 0;
    for (const file of roots.flatMap((root) => filesUnder(root))) {
      const content = readFileSync(file).toString('latin1');
      scanned += 1;
      for (const form of forms) expect({ file, found: content.includes(form) }).toEqual({ file, found: false });
    }
    expect(await vault.read(upn)).toBe(password);
    if (roots.length > 0) expect(scanned).toBeGreaterThan(0);
  });
});

describe('vault without any Secret Service', () => {
  it('fails with keychain-unavailable and the Linux way forward, never a fallback', { timeout: 60_000 }, async () => {
    if (process.platform !== 'linux') return;
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TEST_SECRET: password };
    const tsx = resolve(__dirname, '../../node_modules/.bin/tsx');
    const { stdout } = await run(tsx, [resolve(__dirname, '../support/vault-store-child.ts'), service, upn], { env, timeout: 50_000 });
    const answer = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ok: boolean; error?: { code: string; message: string; nextStep?: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('keychain-unavailable');
    expect(answer.error?.nextStep).toMatch(/gnome-keyring/);
    expect(stdout).not.toContain(password);
  });
});

function filesUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(dir, name);
      try {
        const stat = statSync(path);
        if (stat.isDirectory()) walk(path);
        else if (stat.isFile() && stat.size < 5_000_000) found.push(path);
      } catch {
        // sockets and files that vanish mid-walk are not ours to read
      }
    }
  };
  walk(root);
  return found;
}
