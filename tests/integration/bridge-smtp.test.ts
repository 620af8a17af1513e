import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeEvent } from '../../src/main/bridge';
import { swaks } from '../support/swaks';
import { startBridgeKit, type BridgeKit } from './bridge-test-kit';

describe('the bridge relays SMTP submission to the sandbox with XOAUTH2', () => {
  let kit: BridgeKit;
  let upn: string;
  let password: string;
  const events: BridgeEvent[] = [];

  beforeAll(async () => {
    kit = await startBridgeKit();
    upn = kit.sb.scenario.users[0]!.upn;
    await kit.signIn(upn);
    password = await kit.bridge.password(upn);
    kit.bridge.onEvent((event) => events.push(event));
  });
  afterAll(async () => {
    await kit?.stop();
  });

  const submit = (user: string, secret: string, extra: string[] = []) =>
    swaks([
      '--server', '127.0.0.1', '--port', String(kit.smtpPort),
      '--auth', 'LOGIN', '--auth-user', user, '--auth-password', secret,
      '--from', upn, '--to', 'someone@example.com',
      '--header', 'Subject: through the bridge', '--body', 'hello from swaks',
      ...extra,
    ]);

  it('swaks AUTH LOGIN (user name in upper case) submits a message; upstream saw XOAUTH2 with that user\'s SMTP token', async () => {
    kit.sb.resetCounters();
    kit.sb.smtpAuthLog.length = 0;
    const sent = await submit(upn.toUpperCase(), password);
    expect(sent.code, sent.out).toBe(0);
    expect(sent.out).toMatch(/<-\s+250 2\.6\.0 <[^>]+> .*Queued mail for delivery/);
    expect(kit.sb.counters.smtpMessages).toBe(1);
    expect(kit.sb.smtpAuthLog).toEqual([
      { method: 'XOAUTH2', username: upn.toLowerCase(), ok: true, token: { upn, aud: 'https://outlook.office.com', scp: expect.stringMatching(/\bSMTP\.Send\b/) } },
    ]);
    expect(kit.bridge.status().accounts.find((a) => a.upn === upn.toLowerCase())).toMatchObject({ lastError: null, lastSuccessAt: expect.any(String) });
  });

  it('STARTTLS to the bridge, then AUTH PLAIN, also submits', async () => {
    kit.sb.resetCounters();
    const sent = await swaks([
      '--server', '127.0.0.1', '--port', String(kit.smtpPort), '--tls',
      '--auth', 'PLAIN', '--auth-user', upn, '--auth-password', password,
      '--from', upn, '--to', 'someone@example.com', '--body', 'over local TLS',
    ]);
    expect(sent.code, sent.out).toBe(0);
    expect(sent.out).toMatch(/TLS started/);
    expect(kit.sb.counters.smtpMessages).toBe(1);
  });

  it('a wrong bridge password gets 535 5.7.8 and never reaches the upstream', async () => {
    kit.sb.resetCounters();
    kit.sb.smtpAuthLog.length = 0;
    const refused = await submit(upn, `${password}x`);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/<\*\*\s+535 5\.7\.8 Wrong user name or bridge password/);
    expect(kit.sb.counters.smtpConnections).toBe(0);
    expect(kit.sb.smtpAuthLog).toEqual([]);
    expect(kit.logLines.at(-1)).toBe(`smtp login for ${upn.toLowerCase()} failed: wrong-local-password`);
    expect(events).toContainEqual(expect.objectContaining({ type: 'login-failed', upn: upn.toLowerCase(), cause: 'wrong-local-password' }));
  });

  it('a user who is not signed in gets 535 telling them to run sign-in; nothing goes upstream', async () => {
    const other = kit.sb.scenario.users.find((user) => user.upn !== upn);
    const stranger = other?.upn ?? 'nobody@example.com';
    // Even with a bridge password left over in the keychain, no sign-in means no token.
    await kit.store.setPassword('m365-connect-bridge-test-bridge', stranger.toLowerCase(), 'Leftover0Password0Leftover0Pass');
    kit.sb.resetCounters();
    const refused = await submit(stranger, 'Leftover0Password0Leftover0Pass');
    expect(refused.out).toMatch(/<\*\*\s+535 5\.7\.8 .*not signed in to m365-connect: run `m365-connect sign-in`/);
    expect(kit.sb.counters.smtpConnections).toBe(0);
    expect(kit.bridge.status().accounts.find((a) => a.upn === stranger.toLowerCase())?.lastError?.cause).toBe('not-signed-in');
    expect(kit.bridge.status().health).toBe('needs-sign-in');
    kit.bridge.clearFailure(stranger);
    expect(kit.bridge.status().health).toBe('ok');
  });

  it('SMTP AUTH turned off for the mailbox: the tool hears 535 with what to ask the admin, and status says smtp-auth-disabled', async () => {
    kit.sb.user(upn).smtpAuth = 'disabled';
    try {
      const refused = await submit(upn, password);
      expect(refused.out).toMatch(/<\*\*\s+535 5\.7\.8 Microsoft 365 has SMTP AUTH turned off for .* \(535 5\.7\.139\): ask your admin/);
      expect(kit.bridge.status()).toMatchObject({ health: 'needs-admin' });
      expect(events).toContainEqual(expect.objectContaining({ type: 'login-failed', cause: 'smtp-auth-disabled', protocol: 'smtp' }));
    } finally {
      kit.sb.user(upn).smtpAuth = 'enabled';
    }
    const again = await submit(upn, password);
    expect(again.code, again.out).toBe(0);
    expect(kit.bridge.status().health).toBe('ok');
  });

  it('paused: logins get 454 4.7.0 saying so (and go nowhere); resume lets them through again', async () => {
    await kit.bridge.pause();
    expect(kit.bridge.status().state).toBe('paused');
    kit.sb.resetCounters();
    const paused = await submit(upn, password);
    expect(paused.out).toMatch(/<\*\*\s+454 4\.7\.0 The m365-connect bridge is paused/);
    expect(kit.sb.counters.smtpConnections).toBe(0);
    await kit.bridge.resume();
    const resumed = await submit(upn, password);
    expect(resumed.code, resumed.out).toBe(0);
  });
});
