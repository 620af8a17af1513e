import { expect, test, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { openTestShell } from '../support/shell';
import { adele, wizardServices } from '../support/wizard-fakes';
import { expectScreen } from '../support/wizard-page';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

/** The focused element's accessible text: aria-label, aria-labelledby, its <label>, else its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labelled = element.getAttribute('aria-labelledby');
    const byId = labelled ? document.getElementById(labelled)?.textContent : null;
    const byLabel = element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : null;
    return (element.getAttribute('aria-label') ?? byId ?? byLabel ?? element.innerText ?? '').trim();
  });

/** Presses Tab (only Tab) until the focused control is the one named, then returns. */
async function tabTo(page: Page, name: string | RegExp, limit = 40): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached "${String(name)}" (last: "${await focusedName(page)}")`);
}

async function activate(page: Page, name: string | RegExp, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, name);
  await page.keyboard.press(key);
}

test('the whole wizard works with the keyboard alone (Tab, Enter, Space)', async () => {
  // The sign-in waits for the test, as it waits for the user on the other device: the code
  // stays on screen until it has been copied.
  const services = wizardServices({ signIn: 'wait-for-release' });
  const platform = fakePlatform();
  const shell = await openTestShell(browser, services, platform);
  const { page } = shell;
  await expect(page.getByRole('heading', { level: 1, name: 'Connect your Microsoft 365 account' })).toBeVisible();

  await activate(page, 'Get started');
  await expectScreen(page, 'Sign in');
  await activate(page, 'Use a code on another device', 'Space');
  await expect(page.getByTestId('device-code')).toContainText('WXYZ-1234');
  await activate(page, 'Copy the code');
  await expect.poll(() => platform.readClipboard()).toBe('WXYZ-1234');
  services.releaseSignIn();
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  expect(services.calls).toContain('auth.signIn:device-code');
  await activate(page, 'Next');

  await expectScreen(page, 'Account check');
  await activate(page, 'Next');
  await expectScreen(page, 'Fix steps');
  await tabTo(page, 'Done: Create an app password');
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Done: Create an app password' })).toBeChecked();
  await activate(page, 'Next: app password');

  await expectScreen(page, 'Create an app password');
  await tabTo(page, /^App password/);
  await expect(page.getByLabel('App password', { exact: true })).toBeFocused();
  await page.keyboard.type('abcd efgh ijkl mnop');
  await activate(page, 'Show the password', 'Space');
  await expect(page.getByLabel('App password', { exact: true })).toHaveAttribute('type', 'text');
  await activate(page, 'Next: store it');

  await expectScreen(page, 'Store the app password');
  await activate(page, 'Save to the keychain');
  await expect(page.getByTestId('stored')).toBeVisible();
  await activate(page, 'Next: test the login');

  await expectScreen(page, 'Test the login');
  await activate(page, 'Test the app password');
  await expect(page.getByTestId('result-app-password')).toContainText('login works');
  await activate(page, /session transcript/, 'Space');
  await expect(page.getByTestId('transcript')).toBeVisible();
  await activate(page, 'Next: finish');

  await expectScreen(page, "You're ready");
  await activate(page, 'Export report (HTML)');
  await expect(page.getByTestId('report-saved')).toContainText('m365-connect-readiness.html');

  // Back works from the keyboard too, and focus lands on the previous screen's heading.
  await activate(page, 'Back');
  await expectScreen(page, 'Test the login');
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});
