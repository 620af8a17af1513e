import { expect, test } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { fakeServices } from '../support/fake-services';
import { openTestShell } from '../support/shell';

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

test('the shell shows the first wizard screen and reaches a handler through window.api', async () => {
  const services = fakeServices();
  const shell = await openTestShell(browser, services, fakePlatform());
  const { page } = shell;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const info = await page.evaluate(() => window.api['app:info']({}));
  expect(info).toMatchObject({ ok: true, value: { host: 'chromium-shell', version: '0.0.0-test' } });

  // The account is main's signed-in one; with nobody signed in the handler says so, before the vault.
  const status = await page.evaluate(() => window.api['vault:status']({}));
  expect(status).toMatchObject({ ok: false, error: { code: 'not-signed-in' } });
  expect(services.calls).toContain('auth.current');
  expect(services.calls.some((call) => call.startsWith('vault.'))).toBe(false);

  const invalid = await page.evaluate(() => window.api['vault:status']({ upn: 'adele@contoso.example' } as unknown as Record<string, never>));
  expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});

test('window.api is frozen and exposes exactly the contract', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform());
  const keys = await shell.page.evaluate(() => {
    const api = window.api as unknown as Record<string, unknown>;
    try {
      api['fs:read'] = () => 1;
    } catch {
      // frozen objects throw in strict mode code; either way the key must not appear
    }
    return { frozen: Object.isFrozen(api), keys: Object.keys(api).sort() };
  });
  expect(keys.frozen).toBe(true);
  expect(keys.keys).not.toContain('fs:read');
  expect(keys.keys).toContain('on');
  await shell.close();
});

test('a call from an iframe inside the app page is rejected as untrusted', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform());
  const result = await shell.page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>child</p>';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve));
    const invoke = (frame.contentWindow as unknown as Record<string, (c: string, p: unknown) => Promise<unknown>>)
      .__m365connectInvoke;
    return invoke?.('app:info', {});
  });
  // Playwright exposes bindings to every frame, so the frame can call: the dispatcher must refuse it.
  expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  await shell.close();
});

test('the renderer cannot reach the network', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform());
  const outcome = await shell.page.evaluate(async () => {
    try {
      await fetch('https://graph.microsoft.com/v1.0/me');
      return 'fetched';
    } catch (error) {
      return error instanceof Error ? error.name : 'error';
    }
  });
  expect(outcome).not.toBe('fetched');
  await shell.close();
});
