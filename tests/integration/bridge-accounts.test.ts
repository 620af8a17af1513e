import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../sandbox/index';
import { swaks } from '../support/swaks';
import { startBridgeKit, type BridgeKit } from './bridge-test-kit';

describe('several accounts through one bridge, concurrently', () => {
  let kit: BridgeKit;
  const base = loadScenario('ready-user');
  const first = base.users[0]!;
  const second = { ...first, upn: 'megan.bowen@contoso.onmicrosoft.com', displayName: 'Megan Bowen', id: '48d31887-5fad-4d73-a9f5-3c356e68a038' };
  const passwords = new Map<string, string>();

  beforeAll(async () => {
    kit = await startBridgeKit({ sandbox: { scenario: { ...base, users: [first, second] } } });
    for (const user of [first, second]) {
      await kit.signIn(user.upn);
      passwords.set(user.upn, await kit.bridge.password(user.upn));
    }
  });
  afterAll(async () => {
    await kit?.stop();
  });

  const submit = (upn: string, password: string) =>
    swaks(['--server', '127.0.0.1', '--port', String(kit.smtpPort), '--auth', 'LOGIN', '--auth-user', upn, '--auth-password', password, '--from', upn, '--to', 'someone@example.com', '--body', `from ${upn}`]);

  it('each account has its own bridge password; ten submissions at once each go upstream with their own user\'s token', async () => {
    expect(passwords.get(first.upn)).not.toBe(passwords.get(second.upn));
    kit.sb.resetCounters();
    kit.sb.smtpAuthLog.length = 0;
    const runs = await Promise.all([first, second].flatMap((user) => Array.from({ length: 5 }, () => submit(user.upn, passwords.get(user.upn)!))));
    for (const run of runs) expect(run.code, run.out).toBe(0);
    expect(kit.sb.counters.smtpMessages).toBe(10);
    expect(kit.sb.smtpAuthLog).toHaveLength(10);
    for (const entry of kit.sb.smtpAuthLog) {
      expect(entry).toMatchObject({ method: 'XOAUTH2', ok: true });
      expect(entry.token?.upn.toLowerCase()).toBe(entry.username);
    }
    expect(kit.sb.smtpAuthLog.filter((entry) => entry.username === second.upn)).toHaveLength(5);
    const accounts = kit.bridge.status().accounts;
    for (const user of [first, second]) expect(accounts.find((a) => a.upn === user.upn)).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) });
  });

  it('one account\'s bridge password does not open the other\'s mailbox', async () => {
    kit.sb.resetCounters();
    const crossed = await submit(second.upn, passwords.get(first.upn)!);
    expect(crossed.out).toMatch(/535 5\.7\.8 Wrong user name or bridge password/);
    expect(kit.sb.counters.smtpConnections).toBe(0);
  });
});
