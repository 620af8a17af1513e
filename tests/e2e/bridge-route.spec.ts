import { expect, test, type Page } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { bridgeWizard } from '../support/bridge-wizard';
import { launchTestBrowser } from '../support/chromium';
import { curlImapList, readToolSettings, swaksLogin } from '../support/password-clients';
import { openTestShell } from '../support/shell';
import { adele, verdicts } from '../support/wizard-fakes';
import { expectNoAxeViolations, expectNoStackTrace, expectScreen } from '../support/wizard-page';

// The bridge route against a fake bridge with real loopback listeners: every screen, the values
// a real password-only client uses, and the health warning. The real bridge: bridge-sandbox.spec.ts.
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

const cleanups: (() => Promise<unknown>)[] = [];
test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function open(colorScheme: 'light' | 'dark' = 'light') {
  const wizard = bridgeWizard({ verdict: verdicts.securityDefaults });
  cleanups.push(wizard.close);
  const shell = await openTestShell(browser, wizard.services, wizard.platform, colorScheme);
  cleanups.push(() => shell.close());
  return { ...wizard, ...shell };
}

const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the bridge route (${colorScheme}): offered when app passwords cannot work, every screen accessible, a real client logs in with what Done shows`, async () => {
    const { page, fake, services, pageErrors } = await open(colorScheme);
    const check = async (where: string) => {
      await expectNoAxeViolations(page, `${where} (${colorScheme})`);
      await expectNoStackTrace(page);
    };
    await click(page, 'Get started');
    await click(page, 'Sign in with your browser');
    await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
    await click(page, 'Next');

    await expectScreen(page, 'Account check');
    const offer = page.getByTestId('bridge-offer');
    await expect(offer).toContainText('My tool only takes a password');
    await expect(offer).toContainText('An app password cannot work here');
    await check('Account check with the bridge offer');
    await offer.getByRole('button', { name: 'Use the bridge' }).click();

    await expectScreen(page, 'Test the OAuth login');
    await expect(page.locator('[aria-current="step"]')).toContainText('OAuth test');
    await expect(page.getByRole('button', { name: 'Next: start the bridge' })).toHaveAttribute('aria-disabled', 'true');
    await click(page, 'Test with OAuth (XOAUTH2)');
    await expect(page.getByTestId('result-oauth')).toContainText('login works');
    expect(services.calls).toContain('smtp.test:oauth');
    await check('OAuth test');
    await click(page, 'Next: start the bridge');

    await expectScreen(page, 'Start the bridge');
    await check('Start the bridge (stopped)');
    await click(page, 'Start the bridge and test it');
    await expect(page.getByTestId('bridge-test-smtp')).toContainText('the login through the bridge works');
    await expect(page.getByTestId('bridge-test-imap')).toContainText('the login through the bridge works');
    await expect(page.getByTestId('bridge-status').first()).toHaveAttribute('data-state', 'running');
    expect(fake.logins.map((login) => `${login.protocol}:${login.ok}`)).toEqual(['smtp:true', 'imap:true']);
    await check('Start the bridge (running, tested)');
    await click(page, "Next: your tool's settings");

    await expectScreen(page, /connect your tool to the bridge/);
    const field = page.getByTestId('bridge-password');
    await expect(field).toHaveAttribute('type', 'password');
    await check('Done (password hidden)');
    const settings = await readToolSettings(page);
    await expect(field).toHaveAttribute('type', 'text');
    await check('Done (password shown)');
    const listeners = fake.status().listeners;
    expect(settings).toMatchObject({ server: '127.0.0.1', user: adele.upn, encryption: 'None' });
    expect([settings.smtpPort, settings.imapPort]).toEqual(listeners.map((listener) => listener.port));

    // The tool: swaks (SMTP AUTH LOGIN) and curl (IMAP LOGIN) with exactly the values shown.
    const smtp = await swaksLogin(settings);
    expect(smtp.output).toContain('235 2.7.0 Authentication successful');
    const imap = await curlImapList(settings);
    expect(imap.code, imap.output).toBe(0);
    expect(imap.output).toContain('INBOX');

    // Sensitive copy: through main, marked to clear itself.
    await page.getByRole('button', { name: 'Copy Bridge password' }).click();
    await expect(page.getByRole('button', { name: 'Copy Bridge password' })).toHaveText('Copied');
    expect(pageErrors).toEqual([]);
  });
}

test('health: a revoked sign-in fails the tool with "sign in again", the page warns, one click signs in and the next login works', async () => {
  const { page, fake, platform, services } = await open();
  await click(page, 'Get started');
  await click(page, 'Sign in with your browser');
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await click(page, 'Next');
  await page.getByRole('button', { name: 'Use the bridge' }).click();
  await click(page, 'Test with OAuth (XOAUTH2)');
  await click(page, 'Next: start the bridge');
  await click(page, 'Start the bridge and test it');
  await expect(page.getByTestId('bridge-test-imap')).toContainText('works');
  await click(page, "Next: your tool's settings");
  const settings = await readToolSettings(page);
  await expect(page.getByTestId('bridge-health')).toHaveAttribute('data-alert', 'none');

  fake.upstream = 'refresh-token-revoked';
  const refused = await swaksLogin(settings);
  expect(refused.output).toMatch(/535 5\.7\.8 .*sign in again/);
  const health = page.getByTestId('bridge-health');
  await expect(health).toHaveAttribute('data-alert', 'needs-sign-in');
  await expect(health).toContainText('Sign in again to keep your backup tool connected');
  expect(platform.notifications).toEqual([expect.objectContaining({ title: 'Sign in again to keep your backup tool connected' })]);
  expect(platform.trayStates.at(-1)?.alert?.kind).toBe('needs-sign-in');
  await expectNoAxeViolations(page, 'Done with the sign-in warning');

  fake.upstream = 'ok';
  await health.getByRole('button', { name: 'Sign in again' }).click();
  await expect(health).toHaveAttribute('data-alert', 'none');
  expect(services.calls.filter((call) => call === 'auth.signIn:browser')).toHaveLength(2);
  const again = await swaksLogin(settings);
  expect(again.output).toContain('235 2.7.0 Authentication successful');
  // Same listeners, same password: the bridge never restarted.
  expect(fake.status().listeners.map((listener) => listener.port)).toEqual([settings.smtpPort, settings.imapPort]);
});

test('pause and resume from the Done screen; the tool is refused while paused', async () => {
  const { page } = await open();
  await click(page, 'Get started');
  await click(page, 'Sign in with your browser');
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await click(page, 'Next');
  await page.getByRole('button', { name: 'Use the bridge' }).click();
  await click(page, 'Test with OAuth (XOAUTH2)');
  await click(page, 'Next: start the bridge');
  await click(page, 'Start the bridge and test it');
  await expect(page.getByTestId('bridge-test-smtp')).toContainText('works');
  await click(page, "Next: your tool's settings");
  const settings = await readToolSettings(page);
  await click(page, 'Pause the bridge');
  await expect(page.getByTestId('bridge-status').last()).toHaveAttribute('data-state', 'paused');
  expect((await swaksLogin(settings)).output).not.toContain('235 2.7.0');
  await click(page, 'Resume the bridge');
  await expect(page.getByTestId('bridge-status').last()).toHaveAttribute('data-state', 'running');
  expect((await swaksLogin(settings)).output).toContain('235 2.7.0 Authentication successful');
});
