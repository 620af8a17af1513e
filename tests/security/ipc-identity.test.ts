import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import keytar from 'keytar';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index';
import { createAuthService, tokenCacheServiceName } from '../../src/main/auth';
import { createHandlers } from '../../src/main/handlers';
import { createDispatch } from '../../src/main/ipc/dispatch';
import type { Services, SmtpTestRequest } from '../../src/main/services';
import type { Account } from '../../src/shared/account';
import { fakePlatform } from '../support/fake-platform';
import { fakeServices } from '../support/fake-services';
import { noBrowser, sandboxConfig, secretServiceReachable } from '../integration/sandbox-auth-support';
import { securityLog } from './support/security-log';

const log = securityLog('ipc-identity', 4.5);
afterAll(() => log.flush());

const adele: Account = { upn: 'adele@contoso.example', name: 'Adele', tenantId: 't1', homeAccountId: 'h1' };
const megan = 'megan@contoso.example';
const trusted = { url: 'app://renderer/index.html', isMainFrame: true };

/** The real handler table over services that record which account each call was for. */
function signedInAs(account: Account | null) {
  const calls: string[] = [];
  const base = fakeServices();
  const services: Services = {
    ...base,
    auth: {
      ...base.auth,
      current: async () => ({ account, cachePersisted: true }),
      acquireSmtpToken: async (upn) => (calls.push(`token:${upn}`), `token-of-${upn}`),
    },
    vault: {
      ...base.vault,
      has: async (upn) => (calls.push(`has:${upn}`), true),
      read: async (upn) => (calls.push(`read:${upn}`), `password-of-${upn}`),
      store: async (upn) => (calls.push(`store:${upn}`), { service: 'm365-connect', account: upn, replaced: false, warnings: [] }),
      forget: async (upn) => (calls.push(`forget:${upn}`), true),
    },
    smtp: {
      test: async (request: SmtpTestRequest) => {
        calls.push(`smtp:${request.upn}:${request.secret}`);
        return { ok: true, cause: 'ok', stage: 'done', reply: '', advice: '', transcript: [] };
      },
    },
  };
  const dispatch = createDispatch(createHandlers(services, fakePlatform()), { trustedOrigin: 'app://renderer', onInternalError: () => undefined });
  return { calls, call: (channel: unknown, request: unknown) => dispatch(channel, request, trusted, { emit: () => undefined }) };
}

describe('identity across IPC: the account is the session’s, never the renderer’s', () => {
  const named: [string, Record<string, unknown>][] = [
    ['vault:status', { upn: megan }],
    ['vault:store', { upn: megan, password: 'abcdefghijklmnop', replace: true }],
    ['smtp:test', { upn: megan, method: 'oauth' }],
    ['smtp:test', { upn: megan, method: 'app-password' }],
  ];

  it.each(named)('%s carrying a upn is refused before any service', async (channel, request) => {
    const { calls, call } = signedInAs(adele);
    expect(await call(channel, request)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(calls).toEqual([]);
  });

  it('vault:forget no longer exists (nothing in the app window calls it)', async () => {
    const { calls, call } = signedInAs(adele);
    expect(await call('vault:forget', { upn: megan })).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await call('vault:forget', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(calls).toEqual([]);
  });

  it('status, store and both SMTP tests act for the signed-in account only', async () => {
    const { calls, call } = signedInAs(adele);
    expect(await call('vault:status', {})).toMatchObject({ ok: true, value: { stored: true, account: adele.upn } });
    expect(await call('vault:store', { password: 'abcdefghijklmnop', replace: true })).toMatchObject({ ok: true });
    expect(await call('smtp:test', { method: 'app-password' })).toMatchObject({ ok: true });
    expect(await call('smtp:test', { method: 'oauth' })).toMatchObject({ ok: true });
    expect(calls).toEqual([
      `has:${adele.upn}`,
      `store:${adele.upn}`,
      `read:${adele.upn}`,
      `smtp:${adele.upn}:password-of-${adele.upn}`,
      `token:${adele.upn}`,
      `smtp:${adele.upn}:token-of-${adele.upn}`,
    ]);
  });

  it('nobody signed in: every account-bound channel says so and reaches no secret', async () => {
    const { calls, call } = signedInAs(null);
    for (const [channel, request] of [
      ['vault:status', {}],
      ['vault:store', { password: 'abcdefghijklmnop', replace: true }],
      ['smtp:test', { method: 'app-password' }],
      ['smtp:test', { method: 'oauth' }],
    ] as const) {
      expect(await call(channel, request)).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
    }
    expect(calls).toEqual([]);
    log.passed({
      area: 'IPC identity',
      tried: 'vault:status, vault:store and smtp:test naming another user; the removed vault:forget; each channel signed in and signed out',
      cases: named.length + 2 + 4 + 4,
      held: 'requests naming a upn refused as invalid; the account is always the session’s; signed out, no vault read or token',
    });
  });
});

const noKeyring = await secretServiceReachable();

describe.skipIf(noKeyring !== null)('acquireSmtpToken never pairs one user’s name with another’s token', () => {
  it('asks for a UPN that is not signed in: not-signed-in, not the active account’s token', async () => {
    const sb = await startSandbox({ scenario: 'ready-user' });
    const keychainService = `m365-connect-test-${randomUUID()}`;
    const auth = await createAuthService({
      config: await sandboxConfig(sb, keychainService),
      platform: noBrowser,
      cacheDir: await mkdtemp(join(tmpdir(), 'm365-identity-')),
    });
    try {
      const user = sb.scenario.users[0]!;
      const account = await auth.signIn({ method: 'device-code', onDeviceCode: ({ userCode }) => sb.approveDeviceCode(userCode, user.upn) });
      expect(account.upn).toBe(user.upn);
      await expect(auth.acquireSmtpToken('someone.else@contoso.onmicrosoft.com')).rejects.toMatchObject({ code: 'not-signed-in' });
      // Control: the signed-in user's own name does get a token.
      expect(await auth.acquireSmtpToken(user.upn.toUpperCase())).toMatch(/^ey/);
      log.passed({
        area: 'IPC identity',
        tried: 'an XOAUTH2 token asked for a UPN other than the signed-in account (real MSAL against the sandbox)',
        cases: 1,
        held: 'refused as not-signed-in; only the named, signed-in account gets a token',
      });
    } finally {
      await auth.signOut().catch(() => false);
      await auth.close();
      await sb.stop();
      for (const { account } of await keytar.findCredentials(tokenCacheServiceName(keychainService)).catch(() => [])) {
        await keytar.deletePassword(tokenCacheServiceName(keychainService), account);
      }
    }
  });
});
