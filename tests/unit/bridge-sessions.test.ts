import net from 'node:net';
import tls, { type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapLoginResult, LoginFailure, SmtpLoginResult } from '../../src/main/bridge/bridge-login';
import { runImapSession } from '../../src/main/bridge/imap-session';
import { runSmtpSession } from '../../src/main/bridge/smtp-session';
import { createTestCa } from '../support/test-pki';

/**
 * The local protocol sides on their own, with a scripted login: the order of replies, the
 * refusals, and what reaches the "upstream" after a good login.
 */
type Login = (user: string, password: string) => Promise<SmtpLoginResult & ImapLoginResult>;
const refused: LoginFailure = { ok: false, cause: 'wrong-local-password', message: 'Wrong user name or bridge password.', temporary: false };

let secureContext: tls.SecureContext;
let caPem: string;
beforeAll(async () => {
  const ca = await createTestCa();
  const certificate = await ca.issue();
  caPem = ca.cert;
  secureContext = tls.createSecureContext({ key: certificate.key, cert: certificate.cert });
});

/** A fake upstream: a socket pair whose far end records what the relay sends. */
async function fakeUpstream(): Promise<{ socket: net.Socket; received: () => string; close: () => void }> {
  let received = '';
  const server = net.createServer((far) => far.on('data', (chunk: Buffer) => (received += chunk.toString('latin1'))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, received: () => received, close: () => server.close() };
}

async function serve(kind: 'smtp' | 'imap', login: Login) {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    const deps = { secureContext, login, relayed: () => () => undefined };
    void (kind === 'smtp' ? runSmtpSession(socket, deps) : runImapSession(socket, deps));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => server.close() };
}

/** Sends raw text, then collects everything the server says until `until` matches or it closes. */
function talk(socket: net.Socket | TLSSocket, text: string, until: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const onData = (chunk: Buffer) => {
      got += chunk.toString('latin1');
      if (until.test(got)) done();
    };
    const done = () => {
      socket.off('data', onData);
      socket.off('close', done);
      resolve(got);
    };
    socket.on('data', onData);
    socket.on('close', done);
    if (text) socket.write(text);
  });
}

describe('local SMTP side', () => {
  const calls: string[] = [];
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve('smtp', async (user, password) => {
      calls.push(`${user}:${password}`);
      return refused as SmtpLoginResult & ImapLoginResult;
    });
  });
  afterAll(() => server.close());

  it('EHLO first, known mechanisms only, "*" cancels, LOGIN with an initial user name, three failures close the connection', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await talk(socket, '', /^220 .*\r\n/m);
    expect(await talk(socket, 'AUTH PLAIN\r\n', /\r\n$/)).toBe('503 5.5.1 Send EHLO first\r\n');
    expect(await talk(socket, 'EHLO t\r\n', /^250 /m)).toMatch(/250-STARTTLS\r\n250 AUTH LOGIN PLAIN\r\n$/);
    expect(await talk(socket, 'AUTH CRAM-MD5\r\n', /\r\n$/)).toMatch(/^504 5\.7\.4 /);
    expect(await talk(socket, 'AUTH PLAIN\r\n', /\r\n$/)).toBe('334 \r\n');
    expect(await talk(socket, '*\r\n', /\r\n$/)).toBe('501 5.7.0 Authentication cancelled\r\n');
    expect(await talk(socket, `AUTH LOGIN ${Buffer.from('ada@x').toString('base64')}\r\n`, /\r\n$/)).toBe('334 UGFzc3dvcmQ6\r\n');
    expect(await talk(socket, `${Buffer.from('pw1').toString('base64')}\r\n`, /\r\n$/)).toBe('535 5.7.8 Wrong user name or bridge password.\r\n');
    await talk(socket, `AUTH PLAIN ${Buffer.from('\0ada@x\0pw2').toString('base64')}\r\n`, /\r\n$/);
    const last = await talk(socket, `AUTH PLAIN ${Buffer.from('\0ada@x\0pw3').toString('base64')}\r\n`, /421 .*\r\n/);
    expect(last).toBe('535 5.7.8 Wrong user name or bridge password.\r\n421 4.7.0 Too many failed logins, closing connection\r\n');
    expect(calls).toEqual(['ada@x:pw1', 'ada@x:pw2', 'ada@x:pw3']);
    socket.destroy();
  });

  it('commands sent in clear after STARTTLS are dropped, not run inside TLS', async () => {
    const socket = net.connect(server.port, '127.0.0.1');
    await talk(socket, '', /^220 .*\r\n/m);
    await talk(socket, 'EHLO t\r\n', /^250 /m);
    // The injected MAIL FROM rides in the same packet as STARTTLS (a man in the middle's trick).
    expect(await talk(socket, 'STARTTLS\r\nMAIL FROM:<evil@x>\r\n', /\r\n$/)).toBe('220 2.0.0 Ready to start TLS\r\n');
    const secured = tls.connect({ socket, ca: caPem, servername: 'localhost' });
    await new Promise((resolve) => secured.once('secureConnect', resolve));
    // The first answer inside TLS is to EHLO: no 530 for a MAIL FROM nobody sent over TLS.
    const answer = await talk(secured, 'EHLO t\r\n', /^250 /m);
    expect(answer).toMatch(/^250-127\.0\.0\.1 /);
    expect(answer).not.toContain('STARTTLS');
    secured.destroy();
  });
});

describe('relay after a good login', () => {
  it('SMTP: 235 comes only after the upstream login; commands the tool pipelined go upstream first, unchanged', async () => {
    const upstream = await fakeUpstream();
    const server = await serve('smtp', async () => ({ ok: true, upn: 'ada@x', upstream: upstream.socket as TLSSocket, okText: '' }));
    const socket = net.connect(server.port, '127.0.0.1');
    await talk(socket, '', /^220 .*\r\n/m);
    await talk(socket, 'EHLO t\r\n', /^250 /m);
    expect(await talk(socket, `AUTH PLAIN ${Buffer.from('\0ada@x\0pw').toString('base64')}\r\nMAIL FROM:<ada@x>\r\n`, /\r\n$/)).toBe('235 2.7.0 Authentication successful\r\n');
    socket.write('RCPT TO:<b@y>\r\n');
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (upstream.received().includes('RCPT')) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    expect(upstream.received()).toBe('MAIL FROM:<ada@x>\r\nRCPT TO:<b@y>\r\n');
    socket.destroy();
    upstream.close();
    server.close();
  });

  it('IMAP: the tool\'s tag gets OK with the upstream\'s capabilities; later commands go upstream as sent', async () => {
    const upstream = await fakeUpstream();
    const server = await serve('imap', async () => ({ ok: true, upn: 'ada@x', upstream: upstream.socket as TLSSocket, okText: '[CAPABILITY IMAP4rev1 IDLE] Logged in' }));
    const socket = net.connect(server.port, '127.0.0.1');
    expect(await talk(socket, '', /\r\n/)).toBe('* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=PLAIN SASL-IR] m365-connect bridge ready\r\n');
    expect(await talk(socket, 'x1 LOGIN ada@x {2}\r\n', /\r\n/)).toBe('+ Ready for literal data\r\n');
    expect(await talk(socket, 'pw\r\n', /\r\n/)).toBe('x1 OK [CAPABILITY IMAP4rev1 IDLE] Logged in\r\n');
    socket.write('x2 SELECT INBOX\r\n');
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (upstream.received().includes('x2')) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
    expect(upstream.received()).toBe('x2 SELECT INBOX\r\n');
    socket.destroy();
    upstream.close();
    server.close();
  });
});
