import { expect, test } from '@playwright/test';
import type { Browser } from 'playwright-core';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { fakeServices } from '../support/fake-services';
import { openTestShell } from '../support/shell';
import { expectNoAxeViolations } from '../support/wizard-page';

// Welcome does not wait for app:info: it is usable at once, and what app:info brings fills in.

let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

test('Get started is on screen before app:info answers; the demo badge and note fill in after', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform());
  const { page } = shell;
  // Every DOM change from the first render on, as seen by the page: was Get started there, and the demo badge?
  await page.addInitScript(() => {
    const seen: { button: boolean; badge: boolean }[] = [];
    Object.defineProperty(window, '__firstScreenSeen', { value: seen });
    new MutationObserver(() =>
      seen.push({
        button: [...document.querySelectorAll('button')].some((button) => button.textContent === 'Get started'),
        badge: document.querySelector('[data-testid="demo-badge"]') !== null,
      }),
    ).observe(document, { subtree: true, childList: true });
  });
  await page.reload();
  await expect(page.getByTestId('demo-badge')).toHaveText('Demo tenant');
  await expect(page.getByTestId('demo-note')).toContainText('simulated demo tenant');
  const seen = await page.evaluate(() => (window as unknown as { __firstScreenSeen: { button: boolean; badge: boolean }[] }).__firstScreenSeen);
  expect(seen.find((state) => state.button)).toEqual({ button: true, badge: false });
  await expectNoAxeViolations(page, 'Welcome');
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});

test('the first screen runs from one script: Get started is usable before any other chunk is fetched', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform());
  const { page } = shell;
  // The scripts fetched so far, as the page saw them when Get started first appeared.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (![...document.querySelectorAll('button')].some((button) => button.textContent === 'Get started')) return;
      observer.disconnect();
      const scripts = performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js'));
      Object.defineProperty(window, '__scriptsBeforeGetStarted', { value: scripts });
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  await page.reload();
  await expect(page.getByRole('button', { name: 'Get started' })).toBeEnabled();
  const entry = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src);
  const scripts = await page.evaluate(() => (window as unknown as { __scriptsBeforeGetStarted: string[] }).__scriptsBeforeGetStarted);
  // Nothing else (a chunk of later screens' libraries, Griffel's style compiler) is waited for.
  expect(scripts).toEqual([entry]);
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});

test('when app:info fails, the app says it could not start instead of showing Welcome', async () => {
  const services = fakeServices();
  Object.defineProperty(services, 'version', {
    get: () => {
      throw new Error('settings unreadable');
    },
  });
  const shell = await openTestShell(browser, services, fakePlatform());
  const { page } = shell;
  await expect(page.getByTestId('error-message')).toContainText('The app could not start');
  await expect(page.getByRole('button', { name: 'Get started' })).toHaveCount(0);
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});
