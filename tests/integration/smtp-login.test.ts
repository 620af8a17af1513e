import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { trustFromPem } from '../../src/main/net/trust';
import { createSmtpService } from '../../src/main/smtp';
import type { SmtpTestResult } from '../../src/shared/smtp/result';
import type { SMTPServerAuthentication } from 'smtp-server';
import { testSmtpServersWithCa, type AuthAnswer, type TestSmtpServer } from '../support/smtp-test-server';
import { createTestCa, describeCertificate } from '../support/test-pki';

/**
 * The real nodemailer client against local smtp-server instances with real TLS: what the
 * server received is asserted at the server, so "never sends AUTH" is proven, not assumed.
 */
const upn = 'Ada.Lovelace@contoso.com';
const password = 'qwertzuiopasdfgh';
const token = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJl';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const { ca: testCa, server } = testSmtpServersWithCa();

function clientFor(port: number, host = '127.0.0.1', extraCa: string = testCa().cert) {
  return createSmtpService({ host, port, trust: trustFromPem(extraCa), timeoutsMs: { connect: 5_000, greeting: 5_000, socket: 5_000 } });
}

/** The secret must not appear in any form anywhere in what the service returns. */
function expectNoSecret(result: SmtpTestResult, secret: string) {
  const text = JSON.stringify(result);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(b64(secret));
  expect(text).not.toContain(b64(`user=${upn}\u0001auth=Bearer ${secret}\u0001\u0001`));
}

const onlyCorrect = (auth: SMTPServerAuthentication): AuthAnswer =>
  (auth.method === 'LOGIN' && auth.password === password) || (auth.method === 'XOAUTH2' && auth.accessToken === token)
    ? { accept: true }
    : { accept: false, code: 535, text: '5.7.3 Authentication unsuccessful' };

describe('SMTP test login over STARTTLS', () => {
  it('signs in with AUTH LOGIN and the app password, after TLS, and reports each stage', async () => {
    const smtp = await server({ answer: onlyCorrect });
    const stages: string[] = [];
    const result = await clientFor(smtp.port).test({ upn, method: 'app-password', secret: password, onProgress: (p) => stages.push(p.stage) });
    expect(result).toMatchObject({ ok: true, cause: 'ok', stage: 'done', reply: '235 Authentication successful' });
    expect(stages).toEqual(['connect', 'tls', 'auth', 'done']);
    expect(smtp.auths.map((auth) => [auth.method, auth.username, auth.password])).toEqual([['LOGIN', upn, password]]);
    // AUTH LOGIN's two answers are logged by the server as part of AUTH; no MAIL: nothing is sent.
    expect(smtp.commands).toEqual(['EHLO', 'STARTTLS', 'EHLO', 'AUTH', 'AUTH', 'AUTH', 'QUIT']);
    const tlsAt = result.transcript.findIndex((line) => line.startsWith('=== TLS started'));
    const authAt = result.transcript.indexOf('~> AUTH LOGIN');
    expect(tlsAt).toBeGreaterThan(0);
    expect(authAt).toBeGreaterThan(tlsAt);
    expect(result.transcript.slice(0, tlsAt).every((line) => !line.startsWith('~>') && !line.startsWith('<~'))).toBe(true);
    expect(result.transcript).toContain('~> [credentials hidden]');
    expectNoSecret(result, password);
  });

  it('signs in with XOAUTH2 and the access token', async () => {
    const smtp = await server({ answer: onlyCorrect });
    const result = await clientFor(smtp.port).test({ upn, method: 'oauth', secret: token });
    expect(result).toMatchObject({ ok: true, cause: 'ok', stage: 'done' });
    expect(smtp.auths.map((auth) => [auth.method, auth.username, auth.accessToken])).toEqual([['XOAUTH2', upn, token]]);
    expect(result.transcript).toContain('~> AUTH XOAUTH2 [XOAUTH2 token hidden]');
    expectNoSecret(result, token);
  });

  it('reports refused credentials with the server reply, and hides the password', async () => {
    const smtp = await server({ answer: onlyCorrect });
    const wrong = 'zzzzzzzzzzzzzzzz';
    const result = await clientFor(smtp.port).test({ upn, method: 'app-password', secret: wrong });
    expect(result).toMatchObject({ ok: false, cause: 'bad-credentials', stage: 'auth', reply: '535 5.7.3 Authentication unsuccessful', guide: 'create-app-password' });
    expectNoSecret(result, wrong);
  });

  it('places every Exchange 535 reply through the real client, for both methods', async () => {
    const replies: [text: string, basic: string, oauth: string][] = [
      ['5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [DB8PR09CA0001.eurprd09.prod.outlook.com]', 'smtp-auth-disabled-tenant', 'smtp-auth-disabled-tenant'],
      ['5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information.', 'smtp-auth-disabled-mailbox', 'smtp-auth-disabled-mailbox'],
      ['5.7.139 Authentication unsuccessful, basic authentication is disabled. [VI1PR0102CA0001.eurprd01.prod.exchangelabs.com]', 'basic-auth-disabled', 'basic-auth-disabled'],
      ['5.7.139 Authentication unsuccessful, the user credentials were incorrect.', 'bad-credentials', 'oauth-token-rejected'],
      ["5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator.", 'security-defaults', 'security-defaults'],
      ['5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator.', 'conditional-access', 'conditional-access'],
      ['5.7.3 Authentication unsuccessful [BN9PR03CA0001.namprd03.prod.outlook.com]', 'bad-credentials', 'oauth-token-rejected'],
    ];
    for (const [text, basic, oauth] of replies) {
      const smtp = await server({ answer: () => ({ accept: false, code: 535, text }) });
      const client = clientFor(smtp.port);
      expect((await client.test({ upn, method: 'app-password', secret: password })).cause).toBe(basic);
      expect((await client.test({ upn, method: 'oauth', secret: token })).cause).toBe(oauth);
    }
    const retired = await server({ answer: () => ({ accept: false, code: 550, text: '5.7.30 Basic authentication is not supported for Client Submission.' }) });
    expect((await clientFor(retired.port).test({ upn, method: 'app-password', secret: password })).cause).toBe('basic-auth-retired');
  });

  it('reports a mechanism the server does not offer', async () => {
    const smtp = await server({ authMethods: ['PLAIN'] });
    const result = await clientFor(smtp.port).test({ upn, method: 'oauth', secret: token });
    expect(result).toMatchObject({ ok: false, cause: 'mechanism-unsupported', stage: 'auth' });
    expectNoSecret(result, token);
  });
});

describe('credentials never cross an unencrypted or untrusted connection', () => {
  /** Asserted at the server: no AUTH command arrived and no AUTH handler ran. */
  function expectNoAuthReceived(smtp: TestSmtpServer) {
    expect(smtp.commands).not.toContain('AUTH');
    expect(smtp.auths).toEqual([]);
  }

  for (const method of ['app-password', 'oauth'] as const) {
    const secret = method === 'oauth' ? token : password;

    it(`${method}: a server without STARTTLS (offering AUTH in clear) gets no AUTH`, async () => {
      const smtp = await server({ offerStartTls: false });
      const result = await clientFor(smtp.port).test({ upn, method, secret });
      expect(result).toMatchObject({ ok: false, cause: 'starttls-unavailable', stage: 'tls' });
      expectNoAuthReceived(smtp);
      expectNoSecret(result, secret);
    });

    it(`${method}: a certificate from an authority we do not trust gets no AUTH`, async () => {
      const stranger = await createTestCa('someone else');
      const smtp = await server({ certificate: await stranger.issue() });
      const result = await clientFor(smtp.port).test({ upn, method, secret });
      expect(result).toMatchObject({ ok: false, cause: 'tls-untrusted', stage: 'tls' });
      expectNoAuthReceived(smtp);
    });

    it(`${method}: a certificate for another host name gets no AUTH`, async () => {
      const smtp = await server({ certificate: await testCa().issue({ altNames: { dns: ['smtp.elsewhere.example'], ip: [] } }) });
      const result = await clientFor(smtp.port).test({ upn, method, secret });
      expect(result).toMatchObject({ ok: false, cause: 'tls-untrusted', stage: 'tls' });
      expect(result.advice).toMatch(/different name/);
      expectNoAuthReceived(smtp);
    });

    it(`${method}: an expired certificate gets no AUTH`, async () => {
      const expired = await testCa().issue({ notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
      expect(new Date(describeCertificate(expired.cert).validTo).getTime()).toBeLessThan(Date.now());
      const smtp = await server({ certificate: expired });
      const result = await clientFor(smtp.port).test({ upn, method, secret });
      expect(result).toMatchObject({ ok: false, cause: 'tls-untrusted', stage: 'tls' });
      expect(result.advice).toMatch(/expired/);
      expectNoAuthReceived(smtp);
    });

    it(`${method}: a server stuck on TLS 1.1 gets no AUTH`, async () => {
      const smtp = await server({ maxTlsVersion: 'TLSv1.1' });
      const result = await clientFor(smtp.port).test({ upn, method, secret });
      expect(result).toMatchObject({ ok: false, cause: 'starttls-unavailable', stage: 'tls' });
      expectNoAuthReceived(smtp);
    });
  }

  it('without the extra CA, the same valid server is untrusted', async () => {
    const smtp = await server();
    const result = await createSmtpService({ host: '127.0.0.1', port: smtp.port }).test({ upn, method: 'app-password', secret: password });
    expect(result.cause).toBe('tls-untrusted');
    expectNoAuthReceived(smtp);
  });
});

describe('network failures', () => {
  it('a connection dropped in the middle of AUTH is connection-lost', async () => {
    const smtp = await server({ dropMidAuth: true });
    const result = await clientFor(smtp.port).test({ upn, method: 'app-password', secret: password });
    expect(result).toMatchObject({ ok: false, cause: 'connection-lost', stage: 'auth', reply: null });
    expect(smtp.auths).toHaveLength(1);
    expectNoSecret(result, password);
  });

  it('a greeting slower than the greeting timeout is a timeout', async () => {
    const smtp = await server({ greetingDelayMs: 3_000 });
    const client = createSmtpService({ host: '127.0.0.1', port: smtp.port, trust: trustFromPem(testCa().cert), timeoutsMs: { greeting: 300 } });
    const started = Date.now();
    const result = await client.test({ upn, method: 'app-password', secret: password });
    expect(result).toMatchObject({ ok: false, cause: 'timeout', stage: 'connect' });
    expect(Date.now() - started).toBeLessThan(2_500); // it gave up on its own, not when the server spoke
    expect(smtp.commands).toEqual([]);
  });

  it('a closed port is connection-refused', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const result = await clientFor(port).test({ upn, method: 'oauth', secret: token });
    expect(result).toMatchObject({ ok: false, cause: 'connection-refused', stage: 'connect', reply: null });
  });

  it('a name that does not resolve is dns', async () => {
    const result = await clientFor(587, 'smtp.m365-connect-test.invalid').test({ upn, method: 'app-password', secret: password });
    expect(result).toMatchObject({ ok: false, cause: 'dns', stage: 'connect' });
  });
});
