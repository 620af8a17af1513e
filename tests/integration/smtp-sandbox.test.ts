import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { trustFromPem } from '../../src/main/net/trust';
import { createSmtpService } from '../../src/main/smtp';
import type { SmtpCause, SmtpTestResult } from '../../src/shared/smtp/result';
import { sandboxAccessToken } from '../support/sandbox-token';

/**
 * Every SMTP scenario of the sandbox, through the real nodemailer client over real STARTTLS
 * (the sandbox's CA trusted as the extra CA), for both methods: the app password (AUTH LOGIN)
 * and an access token from the sandbox's Entra endpoints (XOAUTH2).
 */
let sandbox: Sandbox | null = null;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = null;
});

async function start(scenario: string) {
  sandbox = await startSandbox({ scenario });
  const upn = sandbox.scenario.users[0]?.upn ?? '';
  const client = createSmtpService({ ...sandbox.smtp, trust: trustFromPem(sandbox.caPem), timeoutsMs: { connect: 5_000, greeting: 5_000, socket: 5_000 } });
  return { sb: sandbox, upn, client };
}

function expectClean(result: SmtpTestResult, secret: string) {
  const text = JSON.stringify(result);
  expect(text).not.toContain(secret);
  expect(text).not.toContain(Buffer.from(secret).toString('base64'));
}

/** Basic: an app password where per-user MFA lets one exist, else the account password. */
const scenarios: { scenario: string; basic: SmtpCause; oauth: SmtpCause | 'no-token' }[] = [
  { scenario: 'ready-user', basic: 'ok', oauth: 'ok' },
  { scenario: 'smtp-auth-disabled-tenant', basic: 'smtp-auth-disabled-tenant', oauth: 'smtp-auth-disabled-tenant' },
  { scenario: 'smtp-auth-disabled-mailbox', basic: 'smtp-auth-disabled-mailbox', oauth: 'smtp-auth-disabled-mailbox' },
  { scenario: 'basic-auth-retired', basic: 'basic-auth-retired', oauth: 'ok' },
  { scenario: 'security-defaults', basic: 'security-defaults', oauth: 'ok' },
  { scenario: 'conditional-access-mfa', basic: 'conditional-access', oauth: 'ok' },
  { scenario: 'conditional-access-blocked', basic: 'conditional-access', oauth: 'no-token' },
];

describe('SMTP test login against the sandbox', () => {
  for (const { scenario, basic, oauth } of scenarios) {
    it(`${scenario}: app password -> ${basic}, OAuth -> ${oauth}`, async () => {
      const { sb, upn, client } = await start(scenario);
      const user = sb.scenario.users[0];
      const secret = user && user.perUserMfa !== 'disabled' ? sb.createAppPassword(upn, 'test login app') : (user?.password ?? '');
      const viaPassword = await client.test({ upn, method: 'app-password', secret });
      expect(viaPassword.cause).toBe(basic);
      expect(viaPassword.ok).toBe(basic === 'ok');
      expect(viaPassword.transcript.some((line) => line.startsWith('=== TLS started'))).toBe(true);
      expectClean(viaPassword, secret);

      const token = await sandboxAccessToken(sb, upn);
      if (oauth === 'no-token') {
        expect(token).toMatchObject({ ok: false, description: expect.stringContaining('AADSTS53003') });
        return;
      }
      if (!token.ok) throw new Error(`no token: ${token.description}`);
      const viaToken = await client.test({ upn, method: 'oauth', secret: token.accessToken });
      expect(viaToken.cause).toBe(oauth);
      expectClean(viaToken, token.accessToken);
    });
  }

  it('a wrong app password is bad-credentials; a Graph token is oauth-token-rejected', async () => {
    const { sb, upn, client } = await start('ready-user');
    sb.createAppPassword(upn, 'the real one');
    const wrong = await client.test({ upn, method: 'app-password', secret: 'aaaabbbbccccdddd' });
    expect(wrong).toMatchObject({ cause: 'bad-credentials', stage: 'auth', reply: '535 5.7.139 Authentication unsuccessful, the user credentials were incorrect.' });
    const graphToken = await sandboxAccessToken(sb, upn, 'User.Read offline_access');
    if (!graphToken.ok) throw new Error(graphToken.description);
    const rejected = await client.test({ upn, method: 'oauth', secret: graphToken.accessToken });
    expect(rejected).toMatchObject({ cause: 'oauth-token-rejected', reply: '535 5.7.3 Authentication unsuccessful', guide: 'oauth-route' });
    expectClean(rejected, graphToken.accessToken);
  });

  it('counts exactly one AUTH attempt per test login', async () => {
    const { sb, upn, client } = await start('ready-user');
    const secret = sb.createAppPassword(upn, 'counted login');
    sb.resetCounters();
    await client.test({ upn, method: 'app-password', secret });
    expect(sb.counters.smtpAuthAttempts).toBe(1);
  });

  for (const method of ['app-password', 'oauth'] as const) {
    it(`${method}: a connection dropped mid-AUTH is connection-lost`, async () => {
      const { sb, upn, client } = await start('ready-user');
      const token = await sandboxAccessToken(sb, upn);
      const secret = method === 'oauth' && token.ok ? token.accessToken : sb.createAppPassword(upn, 'dropped mid-auth');
      sb.faults.set({ smtpDropMidAuth: true });
      const result = await client.test({ upn, method, secret });
      expect(result).toMatchObject({ ok: false, cause: 'connection-lost', stage: 'auth' });
      expectClean(result, secret);
    });

    it(`${method}: a greeting slower than the timeout is timeout`, async () => {
      const { sb, upn } = await start('ready-user');
      sb.faults.set({ smtpGreetingDelayMs: 2_000 });
      const impatient = createSmtpService({ ...sb.smtp, trust: trustFromPem(sb.caPem), timeoutsMs: { greeting: 300 } });
      const result = await impatient.test({ upn, method, secret: 'not-used-anyway' });
      expect(result).toMatchObject({ ok: false, cause: 'timeout', stage: 'connect' });
    });
  }
});
