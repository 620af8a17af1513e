/**
 * Screenshots of the wizard's main screens for the README, taken from the built renderer in the
 * Chromium shell. Run after a build: `npx tsx scripts/screenshots.ts` -> docs/screenshots/*.png.
 * The services are the scripted demo ones the E2E tests use, so every screen shows real content.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../src/shell/chromium';
import { openShell } from '../src/shell/launch';
import { bridgeWizard } from '../tests/support/bridge-wizard';
import { fakePlatform } from '../tests/support/fake-platform';
import { verdicts, wizardServices, type WizardScenario } from '../tests/support/wizard-fakes';

const outDir = resolve(__dirname, '../docs/screenshots');
const rendererDir = resolve(__dirname, '../out/renderer');

type Scheme = 'light' | 'dark';

async function withShell(scenario: WizardScenario, scheme: Scheme, run: (page: Page) => Promise<void>) {
  const browser = await launchChromium({ headless: true });
  try {
    const shell = await openShell({ browser, services: wizardServices(scenario), platform: fakePlatform(), rendererDir, colorScheme: scheme });
    await run(shell.page);
    await shell.close();
  } finally {
    await browser.close();
  }
}

async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  // Screenshots show the screen, not the focus ring the heading carries after navigation.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // The action bar is pinned to the window's foot: make the window as tall as the page, so the
  // picture shows the bar at the end of the screen rather than floating mid-page.
  const viewport = page.viewportSize() ?? { width: 1040, height: 760 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  // Let Fluent's colour transitions finish (a button just enabled would look half-disabled).
  await page.waitForTimeout(400);
  await page.screenshot({ path: resolve(outDir, `${name}.png`) });
  await page.setViewportSize(viewport);
  console.log(`docs/screenshots/${name}.png`);
}

const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

/** The bridge route and its health warning (the page's twin of the tray). */
async function bridgeShots() {
  const browser = await launchChromium({ headless: true });
  const wizard = bridgeWizard({ signedIn: true, verdict: verdicts.securityDefaults });
  try {
    const { page, close } = await openShell({ browser, services: wizard.services, platform: wizard.platform, rendererDir, colorScheme: 'light' });
    await click(page, 'Get started');
    await click(page, 'Next');
    await page.getByTestId('bridge-offer').waitFor();
    await page.getByTestId('bridge-offer').scrollIntoViewIfNeeded();
    await shot(page, '10-bridge-offer');
    await page.getByRole('button', { name: 'Use the bridge' }).click();
    await click(page, 'Test with OAuth (XOAUTH2)');
    await page.getByTestId('result-oauth').waitFor();
    await click(page, 'Next: start the bridge');
    await click(page, 'Start the bridge and test it');
    await page.getByTestId('bridge-test-imap').waitFor();
    await shot(page, '11-bridge-start');
    await click(page, "Next: your tool's settings");
    await page.getByTestId('tool-settings').waitFor();
    await shot(page, '12-bridge-done');
    // The saved sign-in stops working: the next tool login fails and the app warns.
    wizard.fake.upstream = 'refresh-token-revoked';
    const listener = wizard.fake.status().listeners[0];
    if (listener) {
      const { localLogin } = await import('../src/main/bridge/login-test');
      await localLogin('smtp', { host: listener.host, port: listener.port, user: 'adele@contoso.example', password: await wizard.fake.password('adele@contoso.example') });
    }
    await page.locator('[data-alert="needs-sign-in"]').waitFor();
    await shot(page, '13-bridge-health-warning');
    await close();
  } finally {
    await wizard.close();
    await browser.close();
  }
}

async function main() {
  await mkdir(outDir, { recursive: true });
  await bridgeShots();
  // `screenshots.ts bridge`: only the bridge's, so the others stay as they are.
  if (process.argv.includes('bridge')) return;
  await withShell({ signIn: 'wait-for-cancel' }, 'light', async (page) => {
    await shot(page, '1-welcome');
    await click(page, 'Get started');
    await click(page, 'Use a code on another device');
    await page.getByTestId('device-code').waitFor();
    await shot(page, '2-sign-in-device-code');
    await click(page, 'Cancel sign-in');
  });
  await withShell({ signedIn: true, smtp: { 'app-password': 'ok' } }, 'light', async (page) => {
    await click(page, 'Get started');
    await click(page, 'Next');
    await page.getByTestId('route').waitFor();
    await shot(page, '3-account-check');
    await click(page, 'Next');
    await shot(page, '4-fix-steps');
    await click(page, 'Next: app password');
    await page.getByLabel('App password', { exact: true }).fill('abcd efgh ijkl mnop');
    await shot(page, '5-app-password');
    await click(page, 'Next: store it');
    await click(page, 'Save to the keychain');
    await page.getByTestId('stored').waitFor();
    await shot(page, '6-store');
    await click(page, 'Next: test the login');
    await click(page, 'Test the app password');
    await page.getByTestId('result-app-password').waitFor();
    await shot(page, '7-verify');
    await click(page, 'Next: finish');
    await page.getByTestId('tool-settings').waitFor();
    await shot(page, '8-done');
  });
  await withShell({ signedIn: true, verdict: verdicts.securityDefaults }, 'light', async (page) => {
    await click(page, 'Get started');
    await click(page, 'Next');
    await page.getByTestId('route').waitFor();
    await click(page, 'Next');
    await page.getByRole('button', { name: /Other options/ }).click();
    await shot(page, '10-fix-steps-other-options');
  });
  await withShell({ signedIn: true, alreadyStored: true }, 'light', async (page) => {
    await page.getByTestId('returning-user').getByText('An app password is stored').waitFor();
    await shot(page, '11-welcome-back');
  });
  await withShell({ signedIn: true, verdict: verdicts.securityDefaults }, 'dark', async (page) => {
    await click(page, 'Get started');
    await click(page, 'Next');
    await page.getByTestId('route').waitFor();
    await shot(page, '9-account-check-security-defaults-dark');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
