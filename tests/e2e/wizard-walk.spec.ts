import { expect, test } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { openTestShell } from '../support/shell';
import { adele, wizardServices } from '../support/wizard-fakes';
import { expectNoAxeViolations, expectNoStackTrace, expectScreen } from '../support/wizard-page';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`walks every screen of the app-password route (${colorScheme}), accessible and focused on each`, async () => {
    const services = wizardServices();
    const platform = fakePlatform();
    const shell = await openTestShell(browser, services, platform, colorScheme);
    const { page } = shell;
    const check = async (where: string) => {
      await expect(page.getByTestId('demo-badge')).toHaveText('Demo tenant');
      await expect(page.locator('[aria-current="step"]')).toContainText(where);
      await expectNoAxeViolations(page, `${where} (${colorScheme})`);
      await expectNoStackTrace(page);
    };

    await expect(page.getByRole('heading', { level: 1, name: 'Connect your Microsoft 365 account' })).toBeVisible();
    // One tenant is possible, so no choice is offered (no radio, let alone a disabled one): it is said.
    await expect(page.getByTestId('demo-note')).toContainText('simulated demo tenant');
    await check('Welcome');
    await page.getByRole('button', { name: 'Get started' }).click();

    await expectScreen(page, 'Sign in');
    await check('Sign in');
    await page.getByRole('button', { name: 'Sign in with your browser' }).click();
    await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
    expect(services.calls).toContain('auth.signIn:browser');
    await check('Sign in');
    await page.getByRole('button', { name: 'Next' }).click();

    await expectScreen(page, 'Account check');
    await expect(page.getByTestId('route')).toContainText('App password');
    await expect(page.getByTestId('facts')).toContainText('Enforced');
    await expect(page.getByTestId('verdict-steps')).toContainText('Create an app password');
    await check('Account check');
    await page.getByRole('button', { name: 'Next' }).click();

    await expectScreen(page, 'Fix steps');
    await page.getByRole('button', { name: 'Open the page: Create an app password' }).click();
    await expect.poll(() => platform.opened).toEqual(['https://mysignins.microsoft.com/security-info']);
    await page.getByRole('checkbox', { name: 'Done: Create an app password' }).check();
    await check('Fix steps');
    await page.getByRole('button', { name: 'Next: app password' }).click();

    await expectScreen(page, 'Create an app password');
    const input = page.getByLabel('App password', { exact: true });
    await expect(input).toHaveAttribute('type', 'password');
    await input.fill(' abcd-efgh ijkl mnop ');
    await expect(page.getByText('Looks right: 16 letters.')).toBeVisible();
    await page.getByRole('button', { name: 'Show the password' }).click();
    await expect(input).toHaveAttribute('type', 'text');
    await check('App password');
    await page.getByRole('button', { name: 'Next: store it' }).click();

    await expectScreen(page, 'Store the app password');
    await expect(page.getByTestId('keychain-location')).toContainText('m365-connect');
    await expect(page.getByTestId('keychain-location')).toContainText(adele.upn);
    await check('Store');
    await page.getByRole('button', { name: 'Save to the keychain' }).click();
    await expect(page.getByTestId('stored')).toContainText('Saved');
    // What reached the vault is the normalised password: spaces and dashes removed.
    expect(services.stored.get(adele.upn)).toBe('abcdefghijklmnop');
    await page.getByRole('button', { name: 'Next: test the login' }).click();

    await expectScreen(page, 'Test the login');
    await page.getByRole('button', { name: 'Test the app password' }).click();
    await expect(page.getByTestId('result-app-password')).toContainText('login works');
    await expect(page.locator('[data-stage="auth"]')).toHaveAttribute('data-state', 'ok');
    await page.getByRole('button', { name: /session transcript/ }).click();
    await expect(page.getByTestId('transcript')).toContainText('[credentials hidden]');
    await expect(page.getByTestId('transcript')).not.toContainText('abcdefghijklmnop');
    await check('Verify');
    await page.getByRole('button', { name: 'Next: finish' }).click();

    await expectScreen(page, "You're ready");
    const settings = page.getByTestId('tool-settings');
    await expect(settings).toContainText('smtp.office365.com');
    await expect(settings).toContainText('587');
    await expect(settings).toContainText('STARTTLS');
    await expect(settings).toContainText(adele.upn);
    await page.getByRole('button', { name: 'Copy SMTP server' }).click();
    await expect.poll(() => platform.readClipboard()).toBe('smtp.office365.com');
    await page.getByRole('button', { name: 'Export report (PDF)' }).click();
    await expect(page.getByTestId('report-saved')).toContainText('m365-connect-readiness.pdf');
    await check('Done');

    expect(shell.pageErrors).toEqual([]);
    await shell.close();
  });
}
