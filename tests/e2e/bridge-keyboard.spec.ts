import { expect, test, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { bridgeWizard } from '../support/bridge-wizard';
import { launchTestBrowser } from '../support/chromium';
import { openTestShell } from '../support/shell';
import { adele, verdicts } from '../support/wizard-fakes';
import { expectScreen } from '../support/wizard-page';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

/** The focused element's accessible name: aria-label, else its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return (element?.getAttribute('aria-label') ?? element?.innerText ?? '').trim();
  });

/** Tab (only Tab) to the control, then press the key. */
async function activate(page: Page, name: string, key: 'Enter' | 'Space' = 'Enter', limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) {
      await page.keyboard.press(key);
      return;
    }
  }
  throw new Error(`Tab never reached "${name}" (last: "${await focusedName(page)}")`);
}

test('the bridge route works with the keyboard alone, from Account check to the password on Done', async () => {
  const wizard = bridgeWizard({ verdict: verdicts.ready });
  const shell = await openTestShell(browser, wizard.services, wizard.platform);
  const { page } = shell;
  try {
    await activate(page, 'Get started');
    await expectScreen(page, 'Sign in');
    await activate(page, 'Sign in with your browser');
    await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
    await activate(page, 'Next');
    await expectScreen(page, 'Account check');
    // Offered as a choice even when an app password could work (the retirement notice is there).
    await expect(page.getByTestId('bridge-offer')).toBeVisible();
    await activate(page, 'Use the bridge');
    await expectScreen(page, 'Test the OAuth login');
    await activate(page, 'Test with OAuth (XOAUTH2)', 'Space');
    await expect(page.getByTestId('result-oauth')).toContainText('login works');
    await activate(page, 'Next: start the bridge');
    await expectScreen(page, 'Start the bridge');
    await activate(page, 'Start the bridge and test it');
    await expect(page.getByTestId('bridge-test-imap')).toContainText('works');
    await activate(page, "Next: your tool's settings");
    await expectScreen(page, /connect your tool to the bridge/);
    await expect(page.getByTestId('bridge-password')).toHaveValue(/.{10,}/);
    await activate(page, 'Show', 'Space');
    await expect(page.getByTestId('bridge-password')).toHaveAttribute('type', 'text');
    await activate(page, 'Copy Bridge password');
    await expect.poll(() => wizard.platform.readClipboard()).toBe(await page.getByTestId('bridge-password').inputValue());
    await activate(page, 'Pause the bridge');
    await expect(page.getByTestId('bridge-status').last()).toHaveAttribute('data-state', 'paused');
    // Back from the keyboard lands on the previous screen's heading.
    await activate(page, 'Back');
    await expectScreen(page, 'Start the bridge');
  } finally {
    await shell.close();
    await wizard.close();
  }
});
