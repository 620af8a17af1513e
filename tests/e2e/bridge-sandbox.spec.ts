import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import keytar from 'keytar';
import type { Browser, BrowserContext } from 'playwright-core';
import { demoMailbox, startSandbox, type Sandbox } from '../../sandbox/index';
import { tokenCacheServiceName } from '../../src/main/auth';
import { bridgeKeychainService } from '../../src/main/bridge';
import type { ShellPlatform } from '../../src/shell/shell-platform';
import { createShellPlatform } from '../../src/shell/shell-platform';
import { launchTestBrowser } from '../support/chromium';
import { filesUnder } from '../support/files-under';
import { curlImapList, readToolSettings, swaksLogin } from '../support/password-clients';
import { realServices } from '../support/real-services';
import { adele, keyringReady } from '../support/real-keyring';
import { openTestShell } from '../support/shell';
import { expectNoStackTrace, expectScreen } from '../support/wizard-page';

// The bridge route end to end: the real services and the real bridge, the sandbox tenant as
// Microsoft 365 (Entra, Exchange's SMTP, Dovecot as Exchange's IMAP), swaks and curl as the tool.
test.skip(!keyringReady, 'needs a Secret Service for the token cache and bridge password: run under scripts/with-keyring.sh');

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

const scenarioFile = (name: string) => JSON.parse(readFileSync(resolve(__dirname, `../../sandbox/scenarios/${name}.json`), 'utf8')) as Record<string, unknown>;

async function open(scenario: string | Record<string, unknown>) {
  const sandbox: Sandbox = await startSandbox({ scenario });
  cleanups.push(() => sandbox.stop());
  let systemBrowser: BrowserContext | undefined;
  const signIns: Promise<void>[] = [];
  const openExternal = async (url: string) => {
    systemBrowser ??= await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await systemBrowser.newPage();
    await page.goto(url);
    if (url.startsWith(sandbox.authorityHost)) signIns.push(sandbox.completeSignIn(page, adele));
  };
  let platform: ShellPlatform | undefined;
  // Any free ports: the test reads them off the Done screen like a person would.
  const { services, dataDir, keychainService } = await realServices(
    sandbox,
    (appDataDir) => {
      platform = createShellPlatform({ browser, appDataDir, downloadsDir: join(appDataDir, 'downloads'), openExternal });
      return platform;
    },
    { env: { M365_CONNECT_BRIDGE_SMTP_PORT: '0', M365_CONNECT_BRIDGE_IMAP_PORT: '0' } },
  );
  cleanups.push(async () => {
    await keytar.deletePassword(bridgeKeychainService(keychainService), adele.upn.toLowerCase());
    for (const { account } of await keytar.findCredentials(tokenCacheServiceName(keychainService))) {
      await keytar.deletePassword(tokenCacheServiceName(keychainService), account);
    }
    await rm(dataDir, { recursive: true, force: true });
  });
  cleanups.push(() => services.close());
  cleanups.push(async () => systemBrowser?.close());
  if (!platform) throw new Error('realServices did not ask for a platform');
  const shell = await openTestShell(browser, services, platform);
  cleanups.push(() => shell.close());
  return { ...shell, sandbox, platform, signIns, dataDir };
}

/** IMAP's folder-name encoding (RFC 3501 5.1.3): non-ASCII runs as UTF-16 in base64 between & and -. */
function modifiedUtf7(name: string): string {
  return name.replace(/&/g, '&-').replace(/[^\x20-\x7e]+/g, (run) => {
    const utf16 = Buffer.from(run, 'utf16le').swap16();
    return `&${utf16.toString('base64').replace(/=+$/, '').replace(/\//g, ',')}-`;
  });
}

const click = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).click();

/** Welcome → browser sign-in → Account check → the bridge route → Done. */
async function throughTheBridgeRoute(page: Page, signIns: Promise<void>[]) {
  await click(page, 'Get started');
  await click(page, 'Sign in with your browser');
  await expect(page.getByText(`Signed in as ${adele.name}`)).toBeVisible();
  await Promise.all(signIns);
  await click(page, 'Next');
  await expectScreen(page, 'Account check');
  await expect(page.getByTestId('bridge-offer')).toContainText('My tool only takes a password');
  await page.getByRole('button', { name: 'Use the bridge' }).click();

  await expectScreen(page, 'Test the OAuth login');
  await click(page, 'Test with OAuth (XOAUTH2)');
  await expect(page.getByTestId('result-oauth')).toContainText('login works');
  await click(page, 'Next: start the bridge');

  await expectScreen(page, 'Start the bridge');
  await click(page, 'Start the bridge and test it');
  await expect(page.getByTestId('bridge-test-smtp')).toContainText('the login through the bridge works', { timeout: 30_000 });
  await expect(page.getByTestId('bridge-test-imap')).toContainText('the login through the bridge works');
  await click(page, "Next: your tool's settings");
  await expectScreen(page, /connect your tool to the bridge/);
  return readToolSettings(page);
}

for (const scenario of ['basic-auth-retired', 'security-defaults']) {
  test(`${scenario}: the wizard offers the bridge, Done shows its settings, swaks and curl log in with exactly those`, async () => {
    const { page, sandbox, signIns, pageErrors, dataDir } = await open(scenario);
    test.skip(sandbox.imap === null, `the sandbox has no IMAP upstream here: ${sandbox.imapNote ?? ''}`);
    const settings = await throughTheBridgeRoute(page, signIns);
    expect(settings.server).toBe('127.0.0.1');
    expect(settings.user).toBe(adele.upn);
    expect(settings.password.length).toBeGreaterThanOrEqual(24);

    sandbox.smtpAuthLog.length = 0;
    const smtp = await swaksLogin(settings);
    expect(smtp.output).toMatch(/235 2\.7\.0/);
    // Upstream, Exchange's stand-in saw XOAUTH2 with Adele's SMTP token, not the bridge password.
    expect(sandbox.smtpAuthLog).toContainEqual(expect.objectContaining({ method: 'XOAUTH2', ok: true, token: expect.objectContaining({ upn: adele.upn }) }));
    expect(JSON.stringify(sandbox.smtpAuthLog)).not.toContain(settings.password);

    const imap = await curlImapList(settings);
    expect(imap.code, imap.output).toBe(0);
    for (const folder of demoMailbox(adele.upn)) expect(imap.output).toContain(modifiedUtf7(folder.name));
    await expect(page.locator('body')).not.toContainText('Bearer');
    // The bridge password lives in the keychain and the Done screen's field, nowhere else.
    await expect(page.locator('body')).not.toContainText(settings.password);
    for (const file of await filesUnder(dataDir)) {
      // An atomic write's temporary file may be gone by the time it is read.
      const bytes = await readFile(file).catch(() => Buffer.alloc(0));
      expect(bytes.includes(settings.password), file).toBe(false);
    }
    await expectNoStackTrace(page);
    expect(pageErrors).toEqual([]);
  });
}

test('the sign-in is revoked while the bridge runs: the tool hears "sign in again", the page warns, sign-in from there restores it', async () => {
  // Access tokens that live a minute: every login through the bridge needs the refresh token.
  const { page, sandbox, signIns, platform } = await open({ ...scenarioFile('basic-auth-retired'), accessTokenLifetimeSeconds: 60 });
  const settings = await throughTheBridgeRoute(page, signIns);
  expect((await swaksLogin(settings)).output).toMatch(/235 2\.7\.0/);

  sandbox.revokeSessions(adele.upn);
  const refused = await swaksLogin(settings);
  expect(refused.output).not.toMatch(/235 2\.7\.0/);
  expect(refused.output).toMatch(/535 5\.7\.8 .*AADSTS50173.*sign in again/);
  const health = page.getByTestId('bridge-health');
  await expect(health).toHaveAttribute('data-alert', 'needs-sign-in');
  await expect(health).toContainText('Sign in again to keep your backup tool connected');
  expect(platform.background.notifications.map((n) => n.title)).toEqual(['Sign in again to keep your backup tool connected']);
  expect(platform.background.trayStates.at(-1)?.alert).toMatchObject({ kind: 'needs-sign-in', cause: 'refresh-token-revoked' });

  await health.getByRole('button', { name: 'Sign in again' }).click();
  await expect.poll(() => signIns.length).toBe(2);
  await Promise.all(signIns);
  await expect(health).toHaveAttribute('data-alert', 'none');
  const restored = await swaksLogin(settings);
  expect(restored.output).toMatch(/235 2\.7\.0/);
});
