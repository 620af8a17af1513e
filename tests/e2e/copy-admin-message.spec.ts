import { expect, test } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { openTestShell } from '../support/shell';
import { adele, verdicts, wizardServices } from '../support/wizard-fakes';
import { expectNoAxeViolations, expectScreen } from '../support/wizard-page';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

test('an admin fix step copies a ready-written message for the admin; a user step has no such button', async () => {
  const services = wizardServices({ signedIn: true, verdict: verdicts.securityDefaults });
  const platform = fakePlatform();
  const { page, close } = await openTestShell(browser, services, platform, 'light');
  await page.getByRole('button', { name: 'Get started' }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectScreen(page, 'Account check');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expectScreen(page, 'Fix steps');
  // Turning off security defaults is a risky other option, not on the recommended path.
  await page.getByRole('button', { name: /Other options/ }).click();

  const admin = page.getByTestId('fix-step-disable-security-defaults');
  await admin.getByRole('button', { name: 'Copy a message for your admin' }).click();
  await expect(admin.getByRole('button', { name: 'Message copied' })).toBeVisible();
  const text = await platform.readClipboard();
  expect(text).toContain(`I (${adele.upn}) need an administrator of our Microsoft 365 tenant (${adele.tenantId})`);
  expect(text).toMatch(/to do this for me: Turn off security defaults\.\n\nWhy: Only if the tool cannot use OAuth/);
  expect(text).toMatch(/Link: https:\/\/entra\.microsoft\.com\//);

  await expect(page.getByTestId('fix-step-oauth-route').getByRole('button', { name: 'Copy a message for your admin' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'fix steps with the admin message button');
  await close();
});
