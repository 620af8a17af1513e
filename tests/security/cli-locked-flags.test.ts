import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import keytar from 'keytar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, isolatedHome, keyringAvailable, runCli } from '../cli/support/cli-process';
import { securityLog } from './support/security-log';

const log = securityLog('cli-locked-flags', 10);
afterAll(() => log.flush());

const upn = 'ada@contoso.com';
const password = 'abcdefghijklmnop';
const service = `m365-connect-test-${randomBytes(4).toString('hex')}`;

/** A server that only records that someone connected (and says nothing). */
let server: Server;
let port: number;
let connections = 0;
beforeAll(async () => {
  ensureBuiltCli();
  server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  if (keyringAvailable()) await keytar.deletePassword(service, upn).catch(() => false);
});

const policyEnv = async (policy: object) => {
  const home = await isolatedHome();
  const file = join(home.HOME!, 'policy.json');
  await writeFile(file, JSON.stringify(policy));
  return { ...home, M365_CONNECT_POLICY: file, M365_CONNECT_KEYCHAIN_SERVICE: service };
};

describe.skipIf(!keyringAvailable())('smtp-test flags cannot override a key the policy locks', () => {
  const flags = [
    ['--host', 'smtpHost', ['--host', '127.0.0.1']],
    ['--port', 'smtpPort', ['--port', 'PORT']],
    ['--ca', 'extraCaFile', ['--ca', '/etc/ssl/certs/ca-certificates.crt']],
  ] as const;

  it.each(flags)('%s on a locked %s: exit 7 before the keychain is read, nothing connects', async (_flag, key, args) => {
    await keytar.setPassword(service, upn, password);
    // The policy points at the recording server itself, so only a flag could move the login elsewhere.
    const env = await policyEnv({ smtpHost: '127.0.0.1', smtpPort: port, locked: [key] });
    const argv = ['smtp-test', '--user', upn, '--json', '--timeout', '2', ...args.map((a) => (a === 'PORT' ? String(port + 1) : a))];
    connections = 0;
    const run = await runCli(argv, { env });
    expect(run.code, run.stderr).toBe(7);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'policy-forbidden' } });
    expect(JSON.parse(run.stdout).error.message).toContain(key);
    expect(connections).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(password);
    // Without a keychain at all the answer is the same: it was never asked.
    const noKeychain = await runCli(argv, { env: { ...env, DBUS_SESSION_BUS_ADDRESS: undefined } });
    expect(noKeychain.code, noKeychain.stderr).toBe(7);
  });

  it('control: the same flag on an unlocked key does reach the server with the stored password', async () => {
    await keytar.setPassword(service, upn, password);
    const env = await policyEnv({ smtpHost: 'smtp.invalid', smtpPort: 587 });
    connections = 0;
    const run = await runCli(['smtp-test', '--user', upn, '--json', '--timeout', '2', '--host', '127.0.0.1', '--port', String(port)], { env });
    expect(run.code).toBe(5);
    // The early connection (src/main/smtp/preconnect.ts), and a second one because this server
    // closes the first before the login takes it: reaching the server is what this control proves.
    expect(connections).toBeGreaterThanOrEqual(1);
    log.passed({
      area: 'Policy',
      tried: 'smtp-test --host/--port/--ca against a policy locking smtpHost/smtpPort/extraCaFile, with a stored app password, with and without a keychain',
      cases: flags.length * 2 + 1,
      held: 'exit 7 policy-forbidden naming the key, no connection, keychain never asked (same answer without D-Bus); unlocked control connected',
    });
  });
});
