import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import keytar from 'keytar';
import type { Browser, BrowserContext } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { tokenCacheServiceName } from '../../src/main/auth';
import type { Platform } from '../../src/main/platform-port';
import { createShellPlatform } from '../../src/shell/shell-platform';
import { launchTestBrowser } from '../support/chromium';
import { realServices } from '../support/real-services';
import { adele, keyringReady } from '../support/real-keyring';
import { openTestShell } from '../support/shell';
import { expectNoStackTrace, expectScreen } from '../support/wizard-page';

// The whole wizard against the real services (MSAL, Graph, keytar, nodemailer) and the sandbox.
test.skip(!keyringReady, 'needs a Secret Service for the token cache and the vault: run under scripts/with-keyring.sh (npm run test:e2e does)');

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

type Opened = Awaited<ReturnType<typeof openTestShell>> & {
  sandbox: Sandbox;
  keychainService: string;
  /** Settles when the "system browser" has finished the sandbox's sign-in page. */
  signedInInBrowser: () => Promise<void>;
};
const cleanups: (() => Promise<unknown>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

/**
 * A sandbox for the scenario, the real services pointed at it, and the shell. The platform's
 * openExternal is the system browser: it opens the authorize URL in its own context (the
 * sandbox's CA is private) and completes the sandbox's sign-in page as Adele would.
 */
async function open(scenario: string, options: { today?: () => string } = {}): Promise<Opened> {
  const sandbox = await startSandbox({ scenario });
  cleanups.push(() => sandbox.stop());
  let systemBrowser: BrowserContext | undefined;
  const signIns: Promise<void>[] = [];
  const openExternal = async (url: string) => {
    systemBrowser ??= await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await systemBrowser.newPage();
    await page.goto(url);
    // Not awaited here: the app waits for the redirect, as it would for a real browser.
    if (url.startsWith(sandbox.authorityHost)) signIns.push(sandbox.completeSignIn(page, adele));
  };
  let platform: Platform | undefined;
  const { services, dataDir, keychainService } = await realServices(sandbox, (appDataDir) => {
    platform = createShellPlatform({ browser, appDataDir, downloadsDir: join(appDataDir, 'downloads'), openExternal });
    return platform;
  }, options);
  cleanups.push(async () => {
    await keytar.deletePassword(keychainService, adele.upn);
    for (const { account } of await keytar.findCredentials(tokenCacheServiceName(keychainService))) {
      await keytar.deletePassword(tokenCacheServiceName(keychainService), account);
    }
    await rm(dataDir, { recursive: true, force: true });
  });
  cleanups.push(async () => systemBrowser?.close());
  if (!platform) throw new Error('realServices did not ask for a platform');
  const shell = await openTestShell(browser, services, platform);
  cleanups.push(() => shell.close());
  const signedInInBrowser = async () => {
    expect(signIns, 'the authorize URL opened in the system browser').toHaveLength(1);
    await Promise.all(signIns);
  };
  return { ...shell, sandbox, keychainService, signedInInBrowser };
}

const next = (page: Page, name = 'Next') => page.getByRole('button', { name, exact: true }).click();

/** Welcome, then sign-in with the system browser, then the account check's verdict. */
async function signInAndCheck({ page, signedInInBrowser }: Opened): Promise<void> {
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo tenant');
  await page.getByRole('button', { name: 'Get started' }).click();
  await expectScreen(page, 'Sign in');
  await page.getByRole('button', { name: 'Sign in with your browser' }).click();
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await signedInInBrowser();
  await next(page);
  await expectScreen(page, 'Account check');
  await expect(page.getByTestId('route')).toBeVisible();
}

test('ready user: system-browser sign-in, app password created, stored in the keychain, verified, done', async () => {
  const opened = await open('ready-user');
  const { page, sandbox, keychainService } = opened;
  await signInAndCheck(opened);
  await expect(page.getByTestId('route')).toContainText('App password');
  await expect(page.getByTestId('verdict-steps')).toContainText('Create an app password');
  await next(page);

  await expectScreen(page, 'Fix steps');
  await next(page, 'Next: app password');

  await expectScreen(page, 'Create an app password');
  // What the security-info page shows once, pasted as a user would (with its spaces).
  const appPassword = sandbox.createAppPassword(adele.upn, 'backup tool');
  await page.getByLabel('App password', { exact: true }).fill(appPassword);
  await next(page, 'Next: store it');

  await expectScreen(page, 'Store the app password');
  await expect(page.getByTestId('keychain-location')).toContainText(keychainService);
  await page.getByRole('button', { name: 'Save to the keychain' }).click();
  await expect(page.getByTestId('stored')).toContainText('Saved');
  expect(await keytar.getPassword(keychainService, adele.upn)).toBe(appPassword.replace(/[\s-]/g, ''));
  await next(page, 'Next: test the login');

  await expectScreen(page, 'Test the login');
  await page.getByRole('button', { name: 'Test the app password' }).click();
  await expect(page.getByTestId('result-app-password')).toContainText('login works');
  await expect(page.locator('[data-stage="auth"]')).toHaveAttribute('data-state', 'ok');
  expect(sandbox.counters.smtpAuthAttempts).toBeGreaterThan(0);
  await page.getByRole('button', { name: /session transcript/ }).click();
  const transcript = page.getByTestId('transcript');
  await expect(transcript).toContainText('235 2.7.0 Authentication successful');
  await expect(transcript).toContainText('[credentials hidden]');
  const stored = appPassword.replace(/[\s-]/g, '');
  await expect(transcript).not.toContainText(stored);
  await expect(transcript).not.toContainText(Buffer.from(stored).toString('base64'));
  await next(page, 'Next: finish');

  await expectScreen(page, "You're ready");
  await expect(page.getByTestId('tool-settings')).toContainText(adele.upn);
  await expect(page.locator('body')).not.toContainText(appPassword);
  await expectNoStackTrace(page);
  expect(opened.pageErrors).toEqual([]);
});

test('security defaults on: routes to OAuth and the admin guides', async () => {
  const opened = await open('security-defaults');
  const { page } = opened;
  await signInAndCheck(opened);
  await expect(page.getByTestId('route')).toContainText('OAuth');
  await expect(page.getByTestId('route')).toContainText('security defaults');
  // One recommended path (OAuth); the app-password steps, one a security downgrade, are other options.
  await expect(page.getByTestId('verdict-steps')).toContainText('Use OAuth instead of an app password');
  await expect(page.getByTestId('verdict-steps').locator('li')).toHaveCount(1);
  await next(page);

  await expectScreen(page, 'Fix steps');
  const ids = (list: string) =>
    page.getByTestId(list).locator('[data-testid^="fix-step-"]').evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
  expect(await ids('recommended-steps')).toEqual(['fix-step-oauth-route']);
  await page.getByRole('button', { name: /Other options/ }).click();
  expect(await ids('other-options')).toEqual(
    ['disable-security-defaults', 'enable-per-user-mfa', 'allow-app-passwords', 'create-app-password', 'use-app-password'].map((id) => `fix-step-${id}`),
  );
  await expect(page.getByTestId('fix-step-disable-security-defaults').getByTestId('risk')).toContainText('Risk:');
  for (const admin of ['disable-security-defaults', 'enable-per-user-mfa', 'allow-app-passwords']) {
    await expect(page.getByTestId(`fix-step-${admin}`)).toContainText('Your admin');
  }
  await expect(page.getByText('An app password cannot work for this account')).toBeVisible();
  await next(page, 'Next: test the login');

  await expectScreen(page, 'Test the login');
  await expect(page.getByRole('button', { name: 'Test the app password' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
  await expect(page.getByTestId('result-oauth')).toContainText('login works');
  expect(opened.pageErrors).toEqual([]);
});

for (const [today, retired] of [['2026-12-31', false], ['2027-01-04', true]] as const) {
  test(`the Account check on ${today}: ${retired ? 'OAuth first, the app password depends on an admin re-enabling Basic SMTP AUTH' : 'the app password route'}`, async () => {
    const opened = await open('ready-user', { today: () => today });
    await signInAndCheck(opened);
    const route = opened.page.getByTestId('route');
    await expect(route).toContainText(retired ? 'OAuth (SMTP XOAUTH2' : 'App password (SMTP AUTH');
    const said = route.getByText(/off by default since the end of December 2026: OAuth comes first, and an app password now works only if an admin has turned Basic SMTP AUTH back on/);
    await expect(said).toHaveCount(retired ? 1 : 0);
    expect(opened.pageErrors).toEqual([]);
  });
}

test('Basic auth retired: the OAuth test passes, the app-password test explains 5.7.30', async () => {
  const opened = await open('basic-auth-retired');
  const { page, sandbox } = opened;
  await signInAndCheck(opened);
  await next(page);
  await expectScreen(page, 'Fix steps');
  await next(page, 'Next: app password');

  await page.getByLabel('App password', { exact: true }).fill(sandbox.createAppPassword(adele.upn, 'backup tool'));
  await next(page, 'Next: store it');
  await page.getByRole('button', { name: 'Save to the keychain' }).click();
  await expect(page.getByTestId('stored')).toContainText('Saved');
  await next(page, 'Next: test the login');

  await expectScreen(page, 'Test the login');
  await page.getByRole('button', { name: 'Test the app password' }).click();
  const refused = page.getByTestId('result-app-password');
  await expect(refused).toContainText('login was refused');
  await expect(refused).toContainText('5.7.30');
  await expect(page.getByTestId('basic-auth-notice')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: finish' })).toHaveAttribute('aria-disabled', 'true');

  await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
  await expect(page.getByTestId('result-oauth')).toContainText('login works');
  await next(page, 'Next: finish');
  await expectScreen(page, "You're ready");
  expect(opened.pageErrors).toEqual([]);
});
