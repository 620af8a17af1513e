import { expect, test, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { AppError } from '../../src/shared/ipc/app-error';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { openTestShell } from '../support/shell';
import { adele, verdicts, wizardServices, type WizardScenario } from '../support/wizard-fakes';
import { expectNoAxeViolations, expectNoStackTrace, expectScreen } from '../support/wizard-page';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

async function open(scenario: WizardScenario, colorScheme: 'light' | 'dark' = 'light') {
  const services = wizardServices(scenario);
  const platform = fakePlatform();
  const shell = await openTestShell(browser, services, platform, colorScheme);
  return { ...shell, services, platform };
}

const next = (page: Page, name = 'Next') => page.getByRole('button', { name, exact: true }).click();

async function toAccountCheck(page: Page) {
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await next(page);
  await expectScreen(page, 'Account check');
}

test('silent sign-in: an account already signed in is used without asking', async () => {
  const { page, services, close } = await open({ signedIn: true });
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  expect(services.calls.filter((call) => call.startsWith('auth.signIn'))).toEqual([]);
  await close();
});

test('sign out forgets the account and offers sign-in again', async () => {
  const { page, services, close } = await open({ signedIn: true });
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  expect(services.calls).toContain('auth.signOut');
  await close();
});

test('without an OS keychain the sign-in screen says the sign-in is kept in memory only', async () => {
  const { page, close } = await open({ signedIn: true, cachePersisted: false });
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByText('kept in memory only')).toBeVisible();
  await expectNoAxeViolations(page, 'sign-in, cache in memory');
  await close();
});

test('with an OS keychain there is no in-memory notice', async () => {
  const { page, close } = await open({ signedIn: true });
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await expect(page.getByText('kept in memory only')).toHaveCount(0);
  await close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a sign-in failure shows the plain message and next step, never a stack trace (${colorScheme})`, async () => {
    const mfa = new AppError({
      code: 'mfa-required',
      message: 'Your organisation needs you to finish setting up MFA before you can sign in.',
      nextStep: 'Open Security info, add the Authenticator app, then sign in again.',
    });
    const { page, close } = await open({ signIn: { fail: mfa } }, colorScheme);
    await page.getByRole('button', { name: 'Get started' }).click();
    await page.getByRole('button', { name: 'Sign in with your browser' }).click();
    const error = page.getByTestId('error-message');
    await expect(error).toContainText(mfa.message);
    await expect(error).toContainText('Open Security info, add the Authenticator app');
    await expectNoStackTrace(page);
    await expectNoAxeViolations(page, `sign-in error (${colorScheme})`);
    await close();
  });
}

test('an unexpected failure with a stack shows a generic message without the stack', async () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'homeAccountId')");
  expect(bug.stack).toContain(' at ');
  const { page, close } = await open({ signIn: { fail: bug } });
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('button', { name: 'Sign in with your browser' }).click();
  await expect(page.getByTestId('error-message')).toContainText('Something went wrong inside the app.');
  await expect(page.locator('body')).not.toContainText('homeAccountId');
  await expectNoStackTrace(page);
  await close();
});

test('a pending sign-in can be cancelled, with progress shown meanwhile', async () => {
  const { page, services, close } = await open({ signIn: 'wait-for-cancel' });
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('button', { name: 'Sign in with your browser' }).click();
  await expect(page.getByTestId('sign-in-status')).toContainText('Waiting for you to finish signing in');
  await page.getByRole('button', { name: 'Cancel sign-in' }).click();
  await expect(page.getByText('Sign-in was cancelled')).toBeVisible();
  expect(services.calls).toContain('auth.cancel');
  await expect(page.getByRole('button', { name: 'Sign in with your browser' })).toBeVisible();
  await close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`security defaults on: OAuth route, admin guides, OAuth test only (${colorScheme})`, async () => {
    const { page, platform, services, close } = await open({ signedIn: true, verdict: verdicts.securityDefaults }, colorScheme);
    await toAccountCheck(page);
    await expect(page.getByTestId('route')).toContainText('OAuth');
    await expect(page.getByTestId('unknowns')).toContainText('Reading Conditional Access policies needs an admin role.');
    await expectNoAxeViolations(page, `account check, security defaults (${colorScheme})`);
    await next(page);

    await expectScreen(page, 'Fix steps');
    // A security downgrade is never on the recommended path: it waits under "Other options".
    await page.getByRole('button', { name: /Other options/ }).click();
    const admin = page.getByTestId('fix-step-disable-security-defaults');
    await expect(admin).toContainText('Your admin');
    await admin.getByRole('button', { name: /Open the page/ }).click();
    await expect.poll(() => platform.opened[0] ?? '').toContain('https://entra.microsoft.com/');
    await expectNoAxeViolations(page, `fix steps, security defaults (${colorScheme})`);
    await next(page, 'Next: test the login');

    await expectScreen(page, 'Test the login');
    await expect(page.getByRole('button', { name: 'Test the app password' })).toHaveCount(0);
    await expect(page.getByTestId('basic-auth-notice')).toBeVisible();
    await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
    await expect(page.getByTestId('result-oauth')).toContainText('login works');
    expect(services.calls).toContain('smtp.test:oauth');
    await expectNoAxeViolations(page, `verify, OAuth (${colorScheme})`);
    await next(page, 'Next: finish');
    await expectScreen(page, "You're ready");
    await expect(page.getByTestId('tool-settings')).toContainText('OAuth 2.0 (XOAUTH2)');
    await close();
  });
}

test('Basic auth retired: the app-password test explains 5.7.30, the OAuth test passes', async () => {
  const { page, close } = await open({ signedIn: true, smtp: { 'app-password': 'basic-auth-retired' } });
  await toAccountCheck(page);
  await next(page);
  await next(page, 'Next: app password');
  await page.getByLabel('App password', { exact: true }).fill('abcdefghijklmnop');
  await next(page, 'Next: store it');
  await page.getByRole('button', { name: 'Save to the keychain' }).click();
  await next(page, 'Next: test the login');
  await expectScreen(page, 'Test the login');
  await page.getByRole('button', { name: 'Test the app password' }).click();
  const failed = page.getByTestId('result-app-password');
  await expect(failed).toContainText('login was refused');
  await expect(failed).toContainText('5.7.30');
  await expect(page.locator('[data-stage="auth"]')).toHaveAttribute('data-state', 'failed');
  await expect(page.locator('[data-stage="tls"]')).toHaveAttribute('data-state', 'ok');
  await expect(page.getByTestId('basic-auth-notice')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next: finish' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoAxeViolations(page, 'verify, basic auth retired');
  await page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' }).click();
  await expect(page.getByTestId('result-oauth')).toContainText('login works');
  await expect(page.getByRole('button', { name: 'Next: finish' })).not.toHaveAttribute('aria-disabled', 'true');
  await close();
});

test('an app password already stored is replaced only after confirmation', async () => {
  const { page, services, close } = await open({ signedIn: true, alreadyStored: true });
  await toAccountCheck(page);
  await next(page);
  await next(page, 'Next: app password');
  await page.getByLabel('App password', { exact: true }).fill('abcd');
  await expect(page.getByText('An app password is 16 letters; this has 4 characters', { exact: false })).toBeVisible();
  await page.getByLabel('App password', { exact: true }).fill('qrstuvwxyzabcdef');
  await next(page, 'Next: store it');
  await page.getByRole('button', { name: 'Replace the stored password…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Replace the stored app password?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, 'store, replace dialog');
  await dialog.getByRole('button', { name: 'Keep the old one' }).click();
  await expect(dialog).toHaveCount(0);
  expect(services.stored.get(adele.upn)).toBe('oldpasswordoldpw');
  await page.getByRole('button', { name: 'Replace the stored password…' }).click();
  await page.getByRole('button', { name: 'Replace it' }).click();
  await expect(page.getByTestId('stored')).toContainText('Replaced');
  expect(services.stored.get(adele.upn)).toBe('qrstuvwxyzabcdef');
  await close();
});

test('routes hidden by policy are not offered', async () => {
  const { page, close } = await open({ signedIn: true, routesOffered: ['app-password'] });
  await toAccountCheck(page);
  await next(page);
  await next(page, 'Next: app password');
  await page.getByLabel('App password', { exact: true }).fill('abcdefghijklmnop');
  await next(page, 'Next: store it');
  await page.getByRole('button', { name: 'Save to the keychain' }).click();
  await next(page, 'Next: test the login');
  await expect(page.getByRole('button', { name: 'Test the app password' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Test with OAuth (XOAUTH2)' })).toHaveCount(0);
  await close();
});

test('a failed readiness check says why and what to do', async () => {
  const fail = new AppError({ code: 'graph-failed', message: 'Microsoft Graph did not answer.', nextStep: 'Check your connection and choose Check again.' });
  const { page, close } = await open({ signedIn: true, verdict: { fail } });
  await page.getByRole('button', { name: 'Get started' }).click();
  await next(page);
  await expect(page.getByTestId('error-message')).toContainText('Microsoft Graph did not answer.');
  await expect(page.getByTestId('error-message')).toContainText('Check your connection');
  await expect(page.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
  await expectNoStackTrace(page);
  await close();
});

test('a fix step opens its guide in the offline viewer, and the wizard resumes there', async () => {
  const { page, close } = await open({ signedIn: true });
  await toAccountCheck(page);
  await next(page);
  await page.getByRole('button', { name: 'Read the guide: Create an app password' }).click();
  await expect(page.getByTestId('guide-viewer')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an app password' })).toBeVisible();
  await expectNoAxeViolations(page, 'guide from a fix step');
  await page.getByRole('button', { name: 'Back to the wizard' }).click();
  await expectScreen(page, 'Fix steps');
  await close();
});

test('the guides are reachable from any screen and the wizard resumes where it was', async () => {
  const { page, close } = await open({ signedIn: true });
  await toAccountCheck(page);
  await page.getByRole('button', { name: 'Guides' }).click();
  await expect(page.getByTestId('guide-viewer')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('button', { name: 'Back to the wizard' }).click();
  await expectScreen(page, 'Account check');
  await close();
});
