import { generate } from 'selfsigned';
import { SMTPServer } from 'smtp-server';
import type { Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustFromPem } from '../../src/main/net/trust';
import { createSmtpService } from '../../src/main/smtp';
import type { SmtpTestResult } from '../../src/shared/smtp/result';
import { startTestSmtpServer, type TestSmtpServer, type TestSmtpServerOptions } from '../support/smtp-test-server';
import { createTestCa, describeCertificate, type TestCa } from '../support/test-pki';
import { startMitm, type Mitm } from './support/smtp-mitm';
import { securityLog } from './support/security-log';

/**
 * What tests/integration/smtp-login.test.ts already proves (STARTTLS not offered, a CA we do not
 * trust, a certificate for another name, an expired certificate, TLS 1.1, no extra CA) is not
 * repeated here. This file adds the attacks in between: a man in the middle stripping or refusing
 * STARTTLS in front of a genuine server, a self-signed leaf, a not-yet-valid certificate, TLS 1.0,
 * and the TLS 1.2 boundary that must still work. Every "no" is asserted at the server side.
 */
const log = securityLog('tls', 6);
const upn = 'Ada.Lovelace@contoso.com';
const secrets = { 'app-password': 'qwertzuiopasdfgh', oauth: 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJzbXRwIn0.c2ln' } as const;
const methods = ['app-password', 'oauth'] as const;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

let ca: TestCa;
const closers: (() => Promise<void>)[] = [];
const held: string[] = [];
beforeAll(async () => {
  ca = await createTestCa();
});
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  log.passed({
    area: 'TLS',
    tried: `SMTP test login, both methods, against: ${[...new Set(held)].join('; ')}`,
    cases: held.length,
    held: 'no AUTH command and no credential bytes reached any server or the man in the middle; each ended in a typed cause (starttls-unavailable / tls-untrusted); TLS 1.2 still signs in',
  });
  log.flush();
});

async function genuine(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const server = await startTestSmtpServer({ certificate: await ca.issue(), ...options });
  closers.push(() => server.close());
  return server;
}

const client = (port: number) =>
  createSmtpService({ host: '127.0.0.1', port, trust: trustFromPem(ca.cert), timeoutsMs: { connect: 5_000, greeting: 5_000, socket: 5_000 } });

/** Nothing that could carry the credential: no AUTH verb, no secret, no base64 of it or the XOAUTH2 blob. */
function expectNoCredentialIn(bytes: string, secret: string) {
  expect(bytes).not.toMatch(/AUTH/i);
  for (const form of [secret, b64(secret), b64(`user=${upn}\u0001auth=Bearer ${secret}\u0001\u0001`), b64(upn)]) {
    expect(bytes).not.toContain(form);
  }
}

function expectRefused(result: SmtpTestResult, cause: string, secret: string) {
  expect(result).toMatchObject({ ok: false, cause, stage: 'tls' });
  expect(JSON.stringify(result)).not.toContain(secret);
}

describe('credentials never reach a server on a downgraded or untrusted connection', () => {
  for (const method of methods) {
    const secret = secrets[method];

    for (const mode of ['strip-and-block', 'refuse'] as const) {
      it(`${method}: a man in the middle that ${mode === 'refuse' ? 'answers STARTTLS with 454' : 'strips STARTTLS and blocks the command'} gets nothing`, async () => {
        const server = await genuine();
        const mitm: Mitm = await startMitm(server.port, mode);
        closers.push(() => mitm.close());
        const result = await client(mitm.port).test({ upn, method, secret });
        expectRefused(result, 'starttls-unavailable', secret);
        expect(server.auths).toEqual([]);
        expect(server.commands).not.toContain('AUTH');
        expectNoCredentialIn(mitm.clientBytes(), secret);
        held.push(mode === 'refuse' ? 'MITM refusing STARTTLS (454)' : 'MITM stripping and blocking STARTTLS (502)');
      });
    }

    it(`${method}: a man in the middle that only strips the STARTTLS advertisement sees ciphertext only`, async () => {
      const server = await genuine();
      const mitm: Mitm = await startMitm(server.port, 'strip-advert');
      closers.push(() => mitm.close());
      const result = await client(mitm.port).test({ upn, method, secret });
      // The client insists on STARTTLS even when it is not advertised, so TLS runs end to end
      // with the genuine server and the attacker relays only ciphertext after the upgrade.
      expect(result).toMatchObject({ ok: true, cause: 'ok' });
      const bytes = mitm.clientBytes();
      const upgrade = bytes.indexOf('STARTTLS\r\n');
      expect(upgrade).toBeGreaterThan(0);
      const clear = bytes.slice(0, upgrade);
      const afterUpgrade = bytes.slice(upgrade + 'STARTTLS\r\n'.length);
      expectNoCredentialIn(clear, secret);
      expect(afterUpgrade.charCodeAt(0)).toBe(0x16); // a TLS handshake record: ClientHello
      for (const form of [secret, b64(secret), b64(`user=${upn}\u0001auth=Bearer ${secret}\u0001\u0001`)]) {
        expect(afterUpgrade).not.toContain(form);
      }
      expect(server.auths).toHaveLength(1);
      held.push('MITM stripping the STARTTLS advertisement only');
    });

    it(`${method}: a self-signed server certificate gets no AUTH`, async () => {
      const self = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
        keySize: 2048,
        algorithm: 'sha256',
        extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
      });
      const server = await genuine({ certificate: { key: self.private, cert: self.cert } });
      expectRefused(await client(server.port).test({ upn, method, secret }), 'tls-untrusted', secret);
      expect(server.auths).toEqual([]);
      held.push('self-signed certificate');
    });

    it(`${method}: a certificate that is not valid yet gets no AUTH`, async () => {
      const future = await ca.issue({ notBefore: new Date(Date.now() + 2 * 86_400_000), notAfter: new Date(Date.now() + 9 * 86_400_000) });
      expect(new Date(describeCertificate(future.cert).validFrom).getTime()).toBeGreaterThan(Date.now());
      const server = await genuine({ certificate: future });
      expectRefused(await client(server.port).test({ upn, method, secret }), 'tls-untrusted', secret);
      expect(server.auths).toEqual([]);
      held.push('certificate not yet valid');
    });

    it(`${method}: a server stuck on TLS 1.0 gets no AUTH`, async () => {
      const server = await genuine({ maxTlsVersion: 'TLSv1' });
      expectRefused(await client(server.port).test({ upn, method, secret }), 'starttls-unavailable', secret);
      expect(server.auths).toEqual([]);
      held.push('TLS 1.0 only');
    });

    it(`${method}: a server that tops out at TLS 1.2 still signs in (the floor is exactly 1.2)`, async () => {
      const certificate = await ca.issue();
      const auths: string[] = [];
      const server = new SMTPServer({
        secure: false,
        key: certificate.key,
        cert: certificate.cert,
        maxVersion: 'TLSv1.2',
        authMethods: ['LOGIN', 'XOAUTH2'],
        disableReverseLookup: true,
        logger: false,
        onAuth(auth, session, callback) {
          auths.push(`${auth.method} over ${session.tlsOptions ? 'TLS' : 'clear'}`);
          callback(null, { user: auth.username });
        },
      });
      server.on('error', () => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
      const port = ((server as unknown as { server: Server }).server.address() as { port: number }).port;
      const result = await client(port).test({ upn, method, secret });
      expect(result).toMatchObject({ ok: true, cause: 'ok' });
      expect(result.transcript.some((line) => line.includes('TLSv1.2'))).toBe(true);
      expect(auths).toEqual([`${method === 'oauth' ? 'XOAUTH2' : 'LOGIN'} over TLS`]);
      held.push('TLS 1.2 maximum (positive control)');
    });
  }
});
