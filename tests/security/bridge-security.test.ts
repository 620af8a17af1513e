import { mkdtemp, readFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgePasswords, createBridgeService, type BridgeService } from '../../src/main/bridge';
import type { BridgeConfig } from '../../src/main/bridge';
import { createTrust } from '../../src/main/net/trust';
import { startBridgeKit, type BridgeKit } from '../integration/bridge-test-kit';
import { converse, imapDone, smtpDone } from '../support/line-client';
import { securityLog } from './support/security-log';

const log = securityLog('bridge', 12);


/** An "Exchange" that does not offer STARTTLS (a downgrade), recording all it is sent. */
async function strippingServer(mode: 'no-starttls' | 'fake-starttls') {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('220 evil.example ESMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1');
      received.push(text);
      if (/^EHLO/i.test(text)) socket.write(mode === 'no-starttls' ? '250-evil.example\r\n250 AUTH XOAUTH2 LOGIN\r\n' : '250-evil.example\r\n250 STARTTLS\r\n');
      else if (/^STARTTLS/i.test(text)) socket.write('220 go ahead\r\n250 pretend this is TLS\r\n');
      else socket.write('250 ok\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('bridge security', () => {
  let kit: BridgeKit;
  let upn: string;
  let password: string;
  const others: BridgeService[] = [];

  beforeAll(async () => {
    kit = await startBridgeKit();
    upn = kit.sb.scenario.users[0]!.upn;
    await kit.signIn(upn);
    password = await kit.bridge.password(upn);
  });
  afterAll(async () => {
    for (const other of others) await other.stop();
    await kit?.stop();
    log.flush();
  });

  /** Another bridge over the same signed-in account, with a different upstream or trust. */
  const bridgeWith = async (config: Partial<BridgeConfig> & { extraCaFile?: string | null }) => {
    const bridge = createBridgeService({
      auth: kit.auth,
      config: { ...kit.config.values, ...config },
      trust: createTrust(config.extraCaFile === undefined ? kit.config.values.extraCaFile : config.extraCaFile),
      dataDir: await mkdtemp(join(tmpdir(), 'm365-bridge-sec-')),
      passwords: createBridgePasswords({ service: 'm365-connect-bridge-test-bridge', store: kit.store }),
    });
    others.push(bridge);
    const status = await bridge.start({ smtpPort: 0, imapPort: 0 });
    return { bridge, smtp: status.listeners.find((l) => l.protocol === 'smtp')!.port, imap: status.listeners.find((l) => l.protocol === 'imap')!.port };
  };
  const authPlain = (user: string, secret: string) => `AUTH PLAIN ${Buffer.from(`\0${user}\0${secret}`).toString('base64')}`;

  it('listens on 127.0.0.1 only: the kernel lists both sockets bound to the loopback address', async () => {
    const table = (await readFile('/proc/net/tcp', 'utf8')).split('\n').slice(1);
    for (const port of [kit.smtpPort, kit.imapPort]) {
      const hex = port.toString(16).toUpperCase().padStart(4, '0');
      const listening = table.filter((row) => row.trim().split(/\s+/)[3] === '0A' && row.trim().split(/\s+/)[1]!.endsWith(`:${hex}`));
      expect(listening.map((row) => row.trim().split(/\s+/)[1])).toEqual([`0100007F:${hex}`]);
    }
    const v6 = await readFile('/proc/net/tcp6', 'utf8').catch(() => '');
    for (const port of [kit.smtpPort, kit.imapPort]) expect(v6).not.toContain(`:${port.toString(16).toUpperCase().padStart(4, '0')} `);
    expect(kit.bridge.status().listeners.map((l) => l.host)).toEqual(['127.0.0.1', '127.0.0.1']);
    log.passed({ area: 'Bridge', tried: 'where the SMTP and IMAP listeners are bound (kernel socket table, IPv4 and IPv6)', cases: 4, held: 'both bound to 127.0.0.1 only' });
  });

  it('no relay before local AUTH: MAIL, RCPT and DATA are refused with 530 and nothing connects upstream', async () => {
    kit.sb.resetCounters();
    const lines = await converse(kit.smtpPort, ['EHLO tool', 'MAIL FROM:<a@example.com>', 'RCPT TO:<b@example.com>', 'DATA', 'QUIT'], smtpDone);
    expect(lines.filter((line) => line.startsWith('530 '))).toEqual(['530 5.7.0 Authentication required', '530 5.7.0 Authentication required', '530 5.7.0 Authentication required']);
    expect(kit.sb.counters.smtpConnections).toBe(0);
    log.passed({ area: 'Bridge', tried: 'MAIL, RCPT and DATA before the local login', cases: 3, held: '530 5.7.0 each; no upstream connection' });
  });

  it('IMAP refuses every mailbox command before login', async () => {
    const lines = await converse(kit.imapPort, ['A1 SELECT INBOX', 'A2 LIST "" *', 'A3 FETCH 1 BODY[]', 'A4 LOGOUT'], imapDone);
    expect(lines.filter((line) => /^A[123] /.test(line))).toEqual([
      'A1 BAD Log in first (LOGIN or AUTHENTICATE PLAIN)',
      'A2 BAD Log in first (LOGIN or AUTHENTICATE PLAIN)',
      'A3 BAD Log in first (LOGIN or AUTHENTICATE PLAIN)',
    ]);
    log.passed({ area: 'Bridge', tried: 'SELECT, LIST, FETCH before the local login', cases: 3, held: 'BAD each' });
  });

  it('a wrong, empty or other user\'s password never reaches the upstream (no connection, no token)', async () => {
    kit.sb.resetCounters();
    kit.sb.smtpAuthLog.length = 0;
    const lines = await converse(kit.smtpPort, ['EHLO tool', authPlain(upn, ''), authPlain(upn, password.slice(1)), authPlain('someone@contoso.com', password)], smtpDone);
    expect(lines.filter((line) => line.startsWith('535 ')).length).toBe(3);
    const imap = await converse(kit.imapPort, [`A1 LOGIN ${upn} ""`, `A2 LOGIN ${upn} ${password.toUpperCase()}`], imapDone);
    expect(imap.filter((line) => line.startsWith('A')).every((line) => / NO \[AUTHENTICATIONFAILED\] Wrong user name or bridge password/.test(line))).toBe(true);
    expect(kit.sb.counters.smtpConnections).toBe(0);
    expect(kit.sb.smtpAuthLog).toEqual([]);
    log.passed({ area: 'Bridge', tried: 'empty, wrong and another user\'s bridge password over SMTP and IMAP', cases: 5, held: 'refused; the upstream saw no connection and no token' });
  });

  it('upstream TLS not trusted (no extra CA for the sandbox): the login fails and no token is sent', async () => {
    const untrusted = await bridgeWith({ extraCaFile: null });
    kit.sb.smtpAuthLog.length = 0;
    const lines = await converse(untrusted.smtp, ['EHLO tool', authPlain(upn, password)], smtpDone);
    expect(lines.at(-1)).toMatch(/^535 5\.7\.8 The Microsoft 365 server certificate is not trusted, so nothing was sent/);
    expect(kit.sb.smtpAuthLog).toEqual([]);
    expect(untrusted.bridge.status().accounts.find((a) => a.upn === upn.toLowerCase())?.lastError?.cause).toBe('upstream-tls-untrusted');
    if (kit.sb.imap) {
      const imap = await converse(untrusted.imap, [`A1 LOGIN ${upn} ${password}`], imapDone);
      expect(imap.at(-1)).toMatch(/^A1 NO \[AUTHENTICATIONFAILED\] The Microsoft 365 server certificate is not trusted/);
    }
    log.passed({ area: 'Bridge', tried: 'upstream certificate from a CA the configuration does not trust (SMTP and IMAP)', cases: 2, held: 'login refused as upstream-tls-untrusted; no AUTH, no token sent' });
  });

  it('STARTTLS stripped or faked by the upstream: the login fails and the token never goes out', async () => {
    for (const mode of ['no-starttls', 'fake-starttls'] as const) {
      const evil = await strippingServer(mode);
      try {
        const bridged = await bridgeWith({ smtpHost: '127.0.0.1', smtpPort: evil.port });
        const lines = await converse(bridged.smtp, ['EHLO tool', authPlain(upn, password)], smtpDone);
        expect(lines.at(-1), mode).toMatch(/^535 5\.7\.8 The Microsoft 365 server certificate is not trusted/);
        const all = evil.received.join('');
        expect(all, mode).not.toMatch(/AUTH/i);
        expect(all, mode).not.toMatch(/eyJ/);
      } finally {
        await evil.close();
      }
    }
    log.passed({ area: 'Bridge', tried: 'upstream without STARTTLS, and one that fakes it and keeps talking in clear', cases: 2, held: 'login refused; the fake upstream received no AUTH and no token' });
  });

  it('the bridge log names causes and users, never the bridge password or a token', () => {
    expect(kit.logLines.length).toBeGreaterThan(0);
    for (const line of kit.logLines) {
      expect(line).not.toContain(password);
      expect(line).not.toMatch(/eyJ|Bearer/);
    }
    log.passed({ area: 'Bridge', tried: 'every bridge log line of the run', cases: kit.logLines.length, held: 'no bridge password, no token, no Bearer string' });
  });
});
