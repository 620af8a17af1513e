import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../sandbox/index';
import type { BridgeEvent } from '../../src/main/bridge';
import { converse, smtpDone } from '../support/line-client';
import { startBridgeKit, type BridgeKit } from './bridge-test-kit';

/** AUTH PLAIN then QUIT against the bridge; resolves with the AUTH reply line. */
async function smtpLogin(port: number, user: string, password: string): Promise<string> {
  const lines = await converse(port, ['EHLO tool', `AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`).toString('base64')}`, 'QUIT'], smtpDone);
  // Final reply lines: greeting, EHLO, AUTH, QUIT (after a good login, Exchange's).
  return lines.filter(smtpDone)[2]!;
}

const waitPast = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bridge tokens: renewed silently when they expire; Entra refusals told in the tool\'s protocol', () => {
  let kit: BridgeKit;
  let upn: string;
  let password: string;
  const events: BridgeEvent[] = [];

  beforeAll(async () => {
    // Access tokens that live 2 s: every bridged login needs a renewal through the refresh token.
    kit = await startBridgeKit({ sandbox: { scenario: { ...loadScenario('ready-user'), accessTokenLifetimeSeconds: 2 } } });
    upn = kit.sb.scenario.users[0]!.upn;
    await kit.signIn(upn);
    password = await kit.bridge.password(upn);
    kit.bridge.onEvent((event) => events.push(event));
  });
  afterAll(async () => {
    await kit?.stop();
  });

  it('a token that expired between two logins is renewed silently; the upstream accepts the new one', async () => {
    kit.sb.resetCounters();
    expect(await smtpLogin(kit.smtpPort, upn, password)).toBe('235 2.7.0 Authentication successful');
    const afterFirst = kit.sb.counters.tokenRequests;
    expect(afterFirst).toBe(1);
    // The sandbox SMTP checks expiry as Exchange does: the first token is refused from now on.
    await waitPast(2500);
    expect(await smtpLogin(kit.smtpPort, upn, password)).toBe('235 2.7.0 Authentication successful');
    expect(kit.sb.counters.tokenRequests).toBe(afterFirst + 1);
    expect(kit.sb.smtpAuthLog.slice(-2).map((entry) => entry.ok)).toEqual([true, true]);
  });

  const causes = [
    { name: 'sessions revoked (AADSTS50173)', act: () => kit.sb.revokeSessions(upn), cause: 'refresh-token-revoked', text: /revoked.*AADSTS50173.*run `m365-connect sign-in`/ },
    { name: 'refresh token expired (AADSTS700082)', act: () => kit.sb.expireRefreshTokens(upn), cause: 'refresh-token-expired', text: /expired \(AADSTS700082\): run `m365-connect sign-in`/ },
    { name: 'consent missing (AADSTS65001)', act: () => void (kit.sb.user(upn).signInError = 'AADSTS65001'), cause: 'consent-missing', text: /AADSTS65001.*ask your admin to grant consent/ },
    { name: 'Conditional Access (AADSTS53003)', act: () => void (kit.sb.user(upn).signInError = 'AADSTS53003'), cause: 'conditional-access', text: /Conditional Access.*AADSTS53003/ },
  ] as const;

  for (const { name, act, cause, text } of causes) {
    it(`${name}: 535 with what to do, cause ${cause} in status and a login-failed event; nothing reaches SMTP`, async () => {
      events.length = 0;
      act();
      kit.sb.resetCounters();
      const reply = await smtpLogin(kit.smtpPort, upn, password);
      expect(reply).toMatch(/^535 5\.7\.8 /);
      expect(reply).toMatch(text);
      expect(kit.sb.counters.smtpConnections).toBe(0);
      const account = kit.bridge.status().accounts.find((a) => a.upn === upn.toLowerCase());
      expect(account?.lastError).toMatchObject({ cause, protocol: 'smtp' });
      expect(events.filter((event) => event.type === 'login-failed')).toEqual([expect.objectContaining({ upn: upn.toLowerCase(), protocol: 'smtp', cause })]);
      if (kit.sb.imap) {
        const imap = await imapLogin(kit.imapPort, upn, password);
        expect(imap).toMatch(/^A1 NO \[AUTHENTICATIONFAILED\] /);
        expect(imap).toMatch(text);
      }
      // The person fixes it and signs in again: logins work and the status clears.
      delete (kit.sb.user(upn) as { signInError?: string }).signInError;
      await kit.signIn(upn);
      kit.bridge.clearFailure(upn);
      expect(await smtpLogin(kit.smtpPort, upn, password)).toBe('235 2.7.0 Authentication successful');
      expect(kit.bridge.status().health).toBe('ok');
    });
  }
});

async function imapLogin(port: number, user: string, password: string): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  return new Promise((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      if (buffer.startsWith('* OK') && !buffer.includes('A1 ')) {
        if (!socket.writableEnded && buffer.split('\r\n').length === 2) socket.write(`A1 LOGIN ${user} ${password}\r\n`);
      }
      const tagged = /^A1 .*$/m.exec(buffer);
      if (tagged) {
        socket.destroy();
        resolve(tagged[0].replace(/\r$/, ''));
      }
    });
  });
}
