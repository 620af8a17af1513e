import { execFile } from 'node:child_process';
import { connect } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import nodemailer from 'nodemailer';
import { exchangeReplies, startSandbox, type Sandbox } from '../../sandbox/index';
import { deviceCodeToken, jwtClaims } from './sandbox-test-kit';

const run = promisify(execFile);

type Login = { user: string; pass: string } | { type: 'OAuth2'; user: string; accessToken: string };

/** nodemailer's verify(): connect, STARTTLS (required), AUTH; the reply or 'ok'. */
async function verify(sb: Sandbox, auth: Login, extra: Record<string, unknown> = {}): Promise<string> {
  const transport = nodemailer.createTransport({ host: sb.smtp.host, port: sb.smtp.port, secure: false, requireTLS: true, tls: { ca: sb.caPem }, auth, ...extra });
  try {
    await transport.verify();
    return 'ok';
  } catch (error) {
    const failure = error as { response?: string; code?: string };
    return failure.response ?? failure.code ?? String(error);
  } finally {
    transport.close();
  }
}

/** swaks --quit-after AUTH over STARTTLS, verifying the certificate against the sandbox CA. */
async function swaks(sb: Sandbox, user: string, password: string): Promise<{ ok: boolean; transcript: string }> {
  const args = ['--server', sb.smtp.host, '--port', String(sb.smtp.port), '--tls', '--tls-verify', '--tls-ca-path', sb.caPemPath];
  args.push('--auth', 'LOGIN', '--auth-user', user, '--auth-password', password, '--quit-after', 'AUTH', '--helo', 'client.example', '--timeout', '10');
  try {
    const { stdout } = await run('swaks', args, { encoding: 'utf8' });
    return { ok: true, transcript: stdout };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, transcript: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

async function withSandbox(scenario: string, body: (sb: Sandbox) => Promise<void>): Promise<void> {
  const sb = await startSandbox({ scenario, deviceCodeIntervalSeconds: 1 });
  try {
    await body(sb);
  } finally {
    await sb.stop();
  }
}

describe('SMTP submission in the ready-user scenario', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ scenario: 'ready-user', deviceCodeIntervalSeconds: 1 });
  });
  afterAll(async () => {
    await sb?.stop();
  });

  it('logs in with an app password created on the security-info page (nodemailer and swaks)', async () => {
    const user = sb.scenario.users[0]!;
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    let secret = '';
    try {
      const page = await (await browser.newContext({ ignoreHTTPSErrors: true })).newPage();
      await page.goto(sb.securityInfoUrl);
      await sb.completeSignIn(page, { upn: user.upn, password: user.password });
      await page.fill('#appPasswordNameInput', 'Backup tool on laptop');
      await page.click('#addAppPasswordButton');
      secret = (await page.textContent('#appPasswordValue')) ?? '';
    } finally {
      await browser.close();
    }
    expect(secret).toMatch(/^[a-z]{16}$/);
    expect(sb.appPasswordNames(user.upn)).toEqual(['Backup tool on laptop']);
    expect(await verify(sb, { user: user.upn, pass: secret })).toBe('ok');
    const viaSwaks = await swaks(sb, user.upn, secret);
    expect(viaSwaks.ok).toBe(true);
    expect(viaSwaks.transcript).toContain(`<~  ${exchangeReplies.authSuccess}`);
    // Before STARTTLS: STARTTLS and no AUTH; after it: AUTH LOGIN XOAUTH2 and no STARTTLS.
    const [plain = '', secure = ''] = viaSwaks.transcript.split('=== TLS started');
    expect(plain).toContain('<-  250-STARTTLS');
    expect(plain).not.toContain('AUTH');
    expect(secure).toContain('<~  250-AUTH LOGIN XOAUTH2');
    expect(secure).not.toContain('STARTTLS');
  });

  it('refuses anything but a created app password with the verbatim reply', async () => {
    const user = sb.scenario.users[0]!;
    expect(await verify(sb, { user: user.upn, pass: 'abcdefghijklmnop' })).toBe(exchangeReplies.badCredentials);
    // The account password alone no longer works once per-user MFA is on.
    expect(await verify(sb, { user: user.upn, pass: user.password })).toBe(exchangeReplies.badCredentials);
    const viaSwaks = await swaks(sb, 'nobody@contoso.onmicrosoft.com', 'abcdefghijklmnop');
    expect(viaSwaks.ok).toBe(false);
    expect(viaSwaks.transcript).toContain(`<~* ${exchangeReplies.badCredentials}`);
  });

  it('accepts XOAUTH2 only with an Exchange token carrying SMTP.Send', async () => {
    const user = sb.scenario.users[0]!;
    const smtpToken = (await deviceCodeToken(sb, ['https://outlook.office.com/SMTP.Send'])).accessToken;
    expect(await verify(sb, { type: 'OAuth2', user: user.upn, accessToken: smtpToken })).toBe('ok');
    const graphToken = (await deviceCodeToken(sb, ['User.Read'])).accessToken;
    expect(await verify(sb, { type: 'OAuth2', user: user.upn, accessToken: graphToken })).toBe(exchangeReplies.oauthRejected);
  });

  it("checks the XOAUTH2 token as Exchange does: scope, user=, signature, issuer's key, expiry", async () => {
    const user = sb.scenario.users[0]!;
    const oauth = (accessToken: string, login = user.upn): Promise<string> => verify(sb, { type: 'OAuth2', user: login, accessToken });
    // Right audience (Exchange), wrong scope: an IMAP-only token cannot send.
    const imapOnly = (await deviceCodeToken(sb, ['https://outlook.office.com/IMAP.AccessAsUser.All'])).accessToken;
    expect(jwtClaims(imapOnly)).toMatchObject({ aud: 'https://outlook.office.com', scp: 'IMAP.AccessAsUser.All' });
    expect(await oauth(imapOnly)).toBe(exchangeReplies.oauthRejected);

    const good = (await deviceCodeToken(sb, ['https://outlook.office.com/SMTP.Send'])).accessToken;
    // user= must name the account the token was issued to (any case), not another mailbox.
    expect(await oauth(good, 'megan.bowen@contoso.onmicrosoft.com')).toBe(exchangeReplies.oauthRejected);
    expect(await oauth(good, user.upn.toUpperCase())).toBe('ok');
    // A token whose claims were edited no longer matches its signature.
    const [header, , signature] = good.split('.');
    const claims = jwtClaims(good);
    const edited = Buffer.from(JSON.stringify({ ...claims, exp: Number(claims['exp']) + 86_400 })).toString('base64url');
    expect(await oauth(`${header}.${edited}.${signature}`)).toBe(exchangeReplies.oauthRejected);
    expect(await oauth('not-a-token')).toBe(exchangeReplies.oauthRejected);
    // A token from another sandbox (another issuer and signing key) is not this tenant's.
    const other = await startSandbox({ scenario: 'ready-user', deviceCodeIntervalSeconds: 1, imap: { enabled: false } });
    try {
      const foreign = (await deviceCodeToken(other, ['https://outlook.office.com/SMTP.Send'])).accessToken;
      expect(await oauth(foreign)).toBe(exchangeReplies.oauthRejected);
    } finally {
      await other.stop();
    }
  });

  it('refuses an expired XOAUTH2 token with 535 5.7.3', async () => {
    const user = sb.scenario.users[0]!;
    sb.setAccessTokenLifetime(1);
    try {
      const short = (await deviceCodeToken(sb, ['https://outlook.office.com/SMTP.Send'])).accessToken;
      const exp = Number(jwtClaims(short)['exp']);
      expect(exp - Number(jwtClaims(short)['iat'])).toBe(1);
      while (Date.now() / 1000 <= exp + 1) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await verify(sb, { type: 'OAuth2', user: user.upn, accessToken: short })).toBe(exchangeReplies.oauthRejected);
    } finally {
      sb.setAccessTokenLifetime(sb.scenario.accessTokenLifetimeSeconds);
    }
  });

  it('refuses AUTH before STARTTLS and MAIL FROM without AUTH, as Exchange does', async () => {
    const socket = connect(sb.smtp.port, sb.smtp.host);
    const lines: string[] = [];
    socket.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\r\n').filter(Boolean)));
    const waitFor = (prefix: string) => expect.poll(() => lines.some((line) => line.startsWith(prefix))).toBe(true);
    await waitFor('220 ');
    socket.write('EHLO client.example\r\n');
    await waitFor('250 ');
    socket.write('AUTH LOGIN\r\n');
    await waitFor('504 ');
    socket.write('MAIL FROM:<adele.vance@contoso.onmicrosoft.com>\r\n');
    await waitFor('530 ');
    socket.destroy();
    expect(lines).toContain(exchangeReplies.unrecognizedAuth);
    expect(lines).toContain(exchangeReplies.notAuthenticated);
  });

  it('submits mail after AUTH only as the signed-in user', async () => {
    const user = sb.scenario.users[0]!;
    const auth = { user: user.upn, pass: sb.createAppPassword(user.upn, 'mail sending test') };
    const transport = nodemailer.createTransport({ host: sb.smtp.host, port: sb.smtp.port, requireTLS: true, tls: { ca: sb.caPem }, auth });
    try {
      sb.resetCounters();
      const sent = await transport.sendMail({ from: user.upn, to: 'someone@example.org', subject: 'test', text: 'hello' });
      expect(sent.response).toMatch(/^250 2\.6\.0 .*Queued mail for delivery$/);
      expect(sb.counters.smtpMessages).toBe(1);
      await expect(transport.sendMail({ from: 'ceo@contoso.onmicrosoft.com', to: 'someone@example.org', text: 'x' })).rejects.toMatchObject({
        response: exchangeReplies.sendAsDenied,
      });
    } finally {
      transport.close();
    }
  });

  it('keeps the app-password rules: 8+ character names, at most 40 per user', () => {
    const upn = sb.scenario.users[0]!.upn;
    expect(() => sb.createAppPassword(upn, 'short')).toThrow(/at least 8 characters/);
    while (sb.appPasswordNames(upn).length < 40) sb.createAppPassword(upn, `password number ${sb.appPasswordNames(upn).length}`);
    expect(() => sb.createAppPassword(upn, 'one too many')).toThrow(/at most 40/);
  });

  it('drops the connection mid-AUTH and delays the greeting when faults say so', async () => {
    const user = sb.scenario.users[0]!;
    sb.faults.set({ smtpDropMidAuth: true });
    expect(await verify(sb, { user: user.upn, pass: 'abcdefghijklmnop' })).toMatch(/ECONNECTION|ETIMEDOUT|EPROTOCOL/);
    sb.faults.set({ smtpDropMidAuth: false, smtpGreetingDelayMs: 1500 });
    expect(await verify(sb, { user: user.upn, pass: 'abcdefghijklmnop' }, { greetingTimeout: 300 })).toBe('ETIMEDOUT');
    sb.faults.clear();
  });
});

describe("SMTP replies chosen by the scenario (Exchange Online's verbatim text)", () => {
  it('SMTP AUTH off for the tenant: Basic and OAuth both get 5.7.139 ... Tenant', () =>
    withSandbox('smtp-auth-disabled-tenant', async (sb) => {
      const user = sb.scenario.users[0]!;
      const secret = sb.createAppPassword(user.upn, 'backup tool');
      expect(await verify(sb, { user: user.upn, pass: secret })).toBe(exchangeReplies.tenantDisabled);
      const token = (await deviceCodeToken(sb, ['https://outlook.office.com/SMTP.Send'])).accessToken;
      expect(await verify(sb, { type: 'OAuth2', user: user.upn, accessToken: token })).toBe(exchangeReplies.tenantDisabled);
      const viaSwaks = await swaks(sb, user.upn, secret);
      expect(viaSwaks.transcript).toContain(`<~* ${exchangeReplies.tenantDisabled}`);
    }));

  it('SMTP AUTH off for the mailbox: 5.7.139 ... Mailbox', () =>
    withSandbox('smtp-auth-disabled-mailbox', async (sb) => {
      const user = sb.scenario.users[0]!;
      expect(await verify(sb, { user: user.upn, pass: sb.createAppPassword(user.upn, 'backup tool') })).toBe(exchangeReplies.mailboxDisabled);
    }));

  it('Basic auth retired: 550 5.7.30 for app passwords, OAuth still works', () =>
    withSandbox('basic-auth-retired', async (sb) => {
      const user = sb.scenario.users[0]!;
      expect(await verify(sb, { user: user.upn, pass: sb.createAppPassword(user.upn, 'backup tool') })).toBe(exchangeReplies.basicAuthRetired);
      const token = (await deviceCodeToken(sb, ['https://outlook.office.com/SMTP.Send'])).accessToken;
      expect(await verify(sb, { type: 'OAuth2', user: user.upn, accessToken: token })).toBe('ok');
    }));

  it('security defaults: no app passwords, Basic refused by the security defaults policy', () =>
    withSandbox('security-defaults', async (sb) => {
      const user = sb.scenario.users[0]!;
      expect(() => sb.createAppPassword(user.upn, 'backup tool')).toThrow(/security defaults/);
      expect(await verify(sb, { user: user.upn, pass: user.password })).toBe(exchangeReplies.securityDefaults);
    }));

  it('conditional-access MFA: no app passwords, Basic refused by policy', () =>
    withSandbox('conditional-access-mfa', async (sb) => {
      const user = sb.scenario.users[0]!;
      expect(() => sb.createAppPassword(user.upn, 'backup tool')).toThrow(/per-user MFA/);
      expect(await verify(sb, { user: user.upn, pass: user.password })).toBe(exchangeReplies.conditionalAccess);
    }));

  it('MFA not enabled: no app passwords, but the account password still passes Basic auth', () =>
    withSandbox('mfa-not-enabled', async (sb) => {
      const user = sb.scenario.users[0]!;
      expect(() => sb.createAppPassword(user.upn, 'backup tool')).toThrow(/per-user MFA/);
      expect(await verify(sb, { user: user.upn, pass: user.password })).toBe('ok');
    }));

  it('basic auth disabled by an authentication policy: 5.7.139 basic authentication is disabled', () =>
    withSandbox('ready-user', async (sb) => {
      sb.scenario.tenant.basicAuthSmtp = 'disabled';
      const user = sb.scenario.users[0]!;
      expect(await verify(sb, { user: user.upn, pass: sb.createAppPassword(user.upn, 'backup tool') })).toBe(exchangeReplies.basicAuthDisabled);
    }));
});
