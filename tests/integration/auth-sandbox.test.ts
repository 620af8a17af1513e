import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import keytar from 'keytar';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, startSandbox, type ScenarioInput } from '../../sandbox/index';
import type { forcedSignInErrors } from '../../sandbox/scenario/schema';
import { createAuthService, tokenCacheServiceName, type AuthServiceWithGraph } from '../../src/main/auth';
import type { ResolvedConfig } from '../../src/main/config';
import type { EventPayload } from '../../src/shared/ipc/contract';
import { browserPlatform, launchTestBrowser, noBrowser, sandboxConfig, secretServiceReachable } from './sandbox-auth-support';
import { rawGraph } from './sandbox-test-kit';

const noKeyring = await secretServiceReachable();
type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

let sb: Sandbox;
let browser: Browser;
let config: ResolvedConfig;
let keychainService: string;
const services: AuthServiceWithGraph[] = [];
const track = (service: AuthServiceWithGraph) => (services.push(service), service);
const user = () => sb.scenario.users[0]!;
const freshDir = () => mkdtemp(join(tmpdir(), 'm365-auth-'));
// The token cache lives under the keychain service: a fresh one means nobody is signed in yet.
const isolatedConfig = () => sandboxConfig(sb, `m365-connect-test-${randomUUID()}`);

beforeAll(async () => {
  sb = await startSandbox({ scenario: 'ready-user' });
  browser = await launchTestBrowser();
  keychainService = `m365-connect-test-${randomUUID()}`;
  config = await sandboxConfig(sb, keychainService);
});
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
  await browser?.close();
  await sb?.stop();
  const leftovers = await keytar.findCredentials(tokenCacheServiceName(keychainService)).catch(() => []);
  for (const { account } of leftovers) await keytar.deletePassword(tokenCacheServiceName(keychainService), account);
});

describe.skipIf(noKeyring !== null)(`sign-in against the sandbox with a real keychain${noKeyring ? ` (skipped: ${noKeyring})` : ''}`, () => {
  let cacheDir: string;

  it('interactive: system browser + loopback PKCE, MFA prompt completed, cache encrypted in the keyring', async () => {
    cacheDir = await freshDir();
    const platform = browserPlatform(browser, sb, user());
    const auth = track(await createAuthService({ config, platform, cacheDir }));
    const stages: string[] = [];
    const account = await auth.signIn({ method: 'browser', onProgress: (stage) => stages.push(stage) });
    await Promise.all(platform.done);

    expect(account).toMatchObject({ upn: user().upn, tenantId: sb.tenantId });
    expect(stages).toEqual(['opening-browser', 'waiting', 'exchanging', 'done']);
    const authorize = new URL(platform.opened[0]!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sb.authorityHost}/${sb.tenantId}/oauth2/v2.0/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/);

    // The sign-in used MFA (the sandbox asked for the code): the ID token says so.
    expect((await auth.acquireGraphToken()).amr).toContain('mfa');
    expect(await auth.current()).toEqual({ account, cachePersisted: true });

    // The tokens are in the Secret Service, and in no file on disk.
    const stored = await keytar.findCredentials(tokenCacheServiceName(keychainService));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.password).toMatch(/"RefreshToken"/);
    const refreshToken = Object.values(JSON.parse(stored[0]!.password).RefreshToken as Record<string, { secret: string }>)[0]!.secret;
    for (const name of await readdir(cacheDir)) {
      const content = await readFile(join(cacheDir, name), 'utf8');
      expect(content).not.toContain(refreshToken);
      expect(content).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
  });

  it('restart: new services over the same keyring sign in silently, no browser, no prompt', async () => {
    await Promise.all(services.splice(0).map((s) => s.close()));
    const auth = track(await createAuthService({ config, platform: noBrowser, cacheDir }));
    const { account, cachePersisted } = await auth.current();
    expect(account?.upn).toBe(user().upn);
    expect(cachePersisted).toBe(true);
    // signIn tries silent first: a returning user is not prompted.
    expect((await auth.signIn({ method: 'browser' })).upn).toBe(user().upn);
  });

  it('the SMTP token comes silently from the same sign-in, for Exchange with SMTP.Send', async () => {
    const auth = services[0]!;
    const claims = decodeJwt(await auth.acquireSmtpToken(user().upn));
    expect(claims.aud).toBe('https://outlook.office.com');
    expect(String(claims.scp)).toContain('SMTP.Send');
  });

  it('sign out removes the account and its encrypted cache', async () => {
    const auth = services[0]!;
    expect(await auth.signOut()).toBe(true);
    expect((await auth.current()).account).toBeNull();
    expect(await keytar.findCredentials(tokenCacheServiceName(keychainService))).toEqual([]);
    expect(await auth.signOut()).toBe(false);
    await expect(auth.acquireGraphToken()).rejects.toMatchObject({ code: 'not-signed-in' });
  });
});

describe('sign-in flows against the sandbox', () => {
  it('device code: the code goes to the UI, the user completes it in a browser (MFA included)', async () => {
    const auth = track(await createAuthService({ config: await isolatedConfig(), platform: noBrowser, cacheDir: await freshDir() }));
    const codes: EventPayload<'auth:device-code'>[] = [];
    let completed: Promise<void> = Promise.resolve();
    const account = await auth.signIn({
      method: 'device-code',
      onDeviceCode: (info) => {
        codes.push(info);
        completed = (async () => {
          const context = await browser.newContext({ ignoreHTTPSErrors: true });
          const page = await context.newPage();
          await page.goto(info.verificationUri);
          await page.fill('#otc', info.userCode);
          await page.click('#idSIButton9');
          await sb.completeSignIn(page, user());
          await context.close();
        })();
      },
    });
    await completed;
    expect(account.upn).toBe(user().upn);
    expect(codes).toHaveLength(1);
    expect(codes[0]!.userCode).toMatch(/\S{6,}/);
    expect(codes[0]!.message).toContain(codes[0]!.userCode);
    expect(Date.parse(codes[0]!.expiresAt)).toBeGreaterThan(Date.now());
    expect((await auth.acquireGraphToken()).amr).toContain('mfa');
  });

  it('an access token Graph rejects as expired is replaced silently from the refresh token', async () => {
    // Two-second tokens: they expire at Graph during the test, as Entra's do after an hour. (MSAL
    // renews any token within five minutes of expiry, so the renewal is a token request.)
    const short = await startSandbox({ scenario: { ...loadScenario('ready-user'), accessTokenLifetimeSeconds: 2 } });
    try {
      const platform = browserPlatform(browser, short, short.scenario.users[0]!);
      const auth = track(await createAuthService({ config: await sandboxConfig(short, `m365-connect-test-${randomUUID()}`), platform, cacheDir: await freshDir() }));
      await auth.signIn({ method: 'browser' });
      await Promise.all(platform.done);
      const first = (await auth.acquireGraphToken()).accessToken;
      const lifetime = decodeJwt(first);
      expect(lifetime.exp! - lifetime.iat!).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const rejected = await rawGraph(short, '/v1.0/me', { token: first });
      expect(rejected.status).toBe(401);
      expect(rejected.body).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' } });

      short.resetCounters();
      const renewed = (await auth.acquireGraphToken()).accessToken;
      expect(renewed).not.toBe(first);
      expect(short.counters.tokenRequests).toBe(1);
      expect(platform.opened).toHaveLength(1); // the sign-in only: no browser for the renewal
      expect((await rawGraph(short, '/v1.0/me', { token: renewed })).status).toBe(200);
    } finally {
      await short.stop();
    }
  });

  it('switch account: a second account signs in, becomes current, and stays current after a restart', async () => {
    const two = await startSandbox({ scenario: twoUsers() });
    try {
      const twoConfig = await sandboxConfig(two, `m365-connect-test-${randomUUID()}`);
      const cacheDir = await freshDir();
      const first = two.scenario.users[0]!;
      const second = two.scenario.users[1]!;
      const firstAuth = track(await createAuthService({ config: twoConfig, platform: browserPlatform(browser, two, first), cacheDir }));
      expect((await firstAuth.signIn({ method: 'browser' })).upn).toBe(first.upn);
      const switching = browserPlatform(browser, two, second);
      const secondAuth = track(await createAuthService({ config: twoConfig, platform: switching, cacheDir }));
      // Without switchAccount the cached account comes back silently; with it, the browser asks.
      expect((await secondAuth.signIn({ method: 'browser' })).upn).toBe(first.upn);
      expect(switching.opened).toHaveLength(0);
      expect((await secondAuth.signIn({ method: 'browser', switchAccount: true })).upn).toBe(second.upn);
      expect(new URL(switching.opened[0]!).searchParams.get('prompt')).toBe('select_account');
      expect((await secondAuth.current()).account?.upn).toBe(second.upn);
      const restarted = track(await createAuthService({ config: twoConfig, platform: noBrowser, cacheDir }));
      expect((await restarted.current()).account?.upn).toBe(second.upn);
    } finally {
      await two.stop();
    }
  });

  it('cancel stops a pending browser sign-in at once', async () => {
    const opened: string[] = [];
    const auth = track(
      await createAuthService({ config: await isolatedConfig(), platform: { openExternal: async (url) => void opened.push(url) }, cacheDir: await freshDir() }),
    );
    const pending = auth.signIn({ method: 'browser' });
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(1);
    const started = Date.now();
    expect(auth.cancel()).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: 'sign-in-cancelled' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(auth.cancel()).toBe(false);
    // The loopback server is gone: the redirect the browser would have made finds nobody.
    const port = Number(new URL(new URL(opened[0]!).searchParams.get('redirect_uri')!).port);
    await expect.poll(async () => fetch(`http://127.0.0.1:${port}/`).then(() => 'open', () => 'closed'), { timeout: 5_000 }).toBe('closed');
  });

  it('cancel stops a pending device-code sign-in at once', async () => {
    const auth = track(await createAuthService({ config: await isolatedConfig(), platform: noBrowser, cacheDir: await freshDir() }));
    let shown = false;
    const pending = auth.signIn({ method: 'device-code', onDeviceCode: () => void (shown = true) });
    await expect.poll(() => shown, { timeout: 10_000 }).toBe(true);
    expect(auth.cancel()).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: 'sign-in-cancelled' });
  });
});

describe('Entra errors from a real sign-in become plain AppErrors', () => {
  const cases = [
    ['AADSTS50076', 'mfa-required'],
    ['AADSTS50079', 'mfa-required'],
    ['AADSTS50126', 'bad-credentials'],
    ['AADSTS53003', 'blocked-by-conditional-access'],
    ['AADSTS65001', 'consent-required'],
  ] as const;

  it.each(cases)('%s by device code -> %s', async (signInError, code) => {
    const failing = await startSandbox({ scenario: scenarioWithError(signInError) });
    try {
      const failingConfig = await sandboxConfig(failing, `m365-connect-test-${randomUUID()}`);
      const auth = track(await createAuthService({ config: failingConfig, platform: noBrowser, cacheDir: await freshDir() }));
      let completed: Promise<void> = Promise.resolve();
      const attempt = auth.signIn({
        method: 'device-code',
        onDeviceCode: (info) => {
          completed = (async () => {
            const context = await browser.newContext({ ignoreHTTPSErrors: true });
            const page = await context.newPage();
            await page.goto(info.verificationUri);
            await page.fill('#otc', info.userCode);
            await page.click('#idSIButton9');
            await failing.completeSignIn(page, failing.scenario.users[0]!).catch(() => undefined);
            await context.close();
          })();
        },
      });
      const error = await attempt.catch((e: unknown) => e);
      await completed;
      expect(error).toMatchObject({ code, message: expect.stringContaining(`(${signInError})`), nextStep: expect.any(String) });
    } finally {
      await failing.stop();
    }
  });

  it('an unknown client id is AADSTS700016 -> unknown-client', async () => {
    const wrong = { ...config, values: { ...config.values, clientId: '00000000-1111-4222-8333-444444444444' } };
    const auth = track(await createAuthService({ config: wrong, platform: noBrowser, cacheDir: await freshDir() }));
    await expect(auth.signIn({ method: 'device-code' })).rejects.toMatchObject({ code: 'unknown-client' });
  });

  it('an unreachable sign-in service is a network error', async () => {
    const offline = { ...config, values: { ...config.values, authorityHost: 'https://127.0.0.1:9' } };
    const auth = track(await createAuthService({ config: offline, platform: noBrowser, cacheDir: await freshDir() }));
    await expect(auth.signIn({ method: 'device-code' })).rejects.toMatchObject({ code: 'network' });
  });
});

function twoUsers(): ScenarioInput {
  const base = scenarioWithError('AADSTS50076');
  const { signInError: _none, ...adele } = base.users[0]!;
  return {
    ...base,
    name: 'two-users',
    users: [adele, { ...adele, upn: 'megan.bowen@contoso.onmicrosoft.com', displayName: 'Megan Bowen' }],
  };
}

function scenarioWithError(signInError: (typeof forcedSignInErrors)[number]): ScenarioInput {
  return {
    name: `forced-${signInError}`,
    tenant: { id: '9188040d-6c67-4c5b-b112-36a304b66dad', domain: 'contoso.onmicrosoft.com' },
    users: [
      {
        upn: 'adele.vance@contoso.onmicrosoft.com',
        password: 'Sandbox-Pa55word!',
        displayName: 'Adele Vance',
        perUserMfa: 'enabled' as const,
        methods: ['password' as const, 'microsoftAuthenticator' as const],
        signInError,
      },
    ],
  };
}
