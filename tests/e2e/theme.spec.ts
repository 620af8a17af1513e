import { webLightTheme } from '@fluentui/react-components';
import { expect, test, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { themeTokensRead } from '../../scripts/vite/fluent-theme-tokens';
import { launchTestBrowser } from '../support/chromium';
import { fakePlatform } from '../support/fake-platform';
import { fakeServices } from '../support/fake-services';
import { openTestShell, rendererDir } from '../support/shell';

/** The dark and high-contrast tokens are separate chunks, fetched only when the system asks for them. */
let browser: Browser;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
});
test.afterAll(async () => {
  await browser.close();
});

const background = (page: Page) =>
  page.locator('.fui-FluentProvider').first().evaluate((element) => getComputedStyle(element).backgroundColor);
const themeChunksFetched = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name.split('/').pop() ?? '')
      .filter((name) => /^(dark|high-contrast)-theme-/.test(name)),
  );

test('light starts without the dark tokens; switching to dark loads them and keeps the screen mounted', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform(), 'light');
  const { page } = shell;
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  expect(await background(page)).toBe('rgb(255, 255, 255)');
  expect(await themeChunksFetched(page)).toEqual([]);

  // A mark on the DOM node: if the switch remounted the wizard (losing what was typed), it is gone.
  await heading.evaluate((element) => element.setAttribute('data-before-switch', 'yes'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).not.toBe('rgb(255, 255, 255)');
  expect(await themeChunksFetched(page)).toEqual([expect.stringMatching(/^dark-theme-/)]);
  await expect(heading).toHaveAttribute('data-before-switch', 'yes');
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});

test('dark starts with the dark tokens, and only those', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform(), 'dark');
  const { page } = shell;
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await background(page)).not.toBe('rgb(255, 255, 255)');
  expect(await themeChunksFetched(page)).toEqual([expect.stringMatching(/^dark-theme-/)]);
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});

test('high contrast starts with its own tokens chunk, not the later screens’ libraries', async () => {
  const shell = await openTestShell(browser, fakeServices(), fakePlatform(), 'light');
  const { page } = shell;
  // Nothing shows until these tokens are in: the scripts fetched by the time the first heading appears.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('h1')) return;
      observer.disconnect();
      const scripts = performance.getEntriesByType('resource').map((entry) => entry.name.split('/').pop() ?? '').filter((name) => name.endsWith('.js'));
      Object.defineProperty(window, '__scriptsBeforeHeading', { value: scripts });
    });
    observer.observe(document, { subtree: true, childList: true });
  });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const scripts = await page.evaluate(() => (window as unknown as { __scriptsBeforeHeading: string[] }).__scriptsBeforeHeading);
  expect(scripts).toEqual([expect.stringMatching(/^index-/), expect.stringMatching(/^high-contrast-theme-/)]);
  expect(shell.pageErrors).toEqual([]);
  await shell.close();
});

/** Every Fluent theme token any built chunk reads, as var(--name): what the FluentProvider must write. */
async function themeTokensReadByTheBuild(): Promise<Set<string>> {
  const themeNames = new Set(Object.keys(webLightTheme));
  const read = new Set<string>();
  const assets = join(rendererDir, 'assets');
  for (const file of (await readdir(assets)).filter((name) => name.endsWith('.js'))) {
    for (const name of themeTokensRead(await readFile(join(assets, file), 'utf8'), themeNames)) read.add(name);
  }
  return read;
}

// The themes carry only the tokens the app reads (see scripts/vite/fluent-theme-tokens.ts): each
// one read anywhere, on any screen, must still be written, in every theme.
for (const scheme of ['light', 'dark', 'high contrast'] as const) {
  test(`${scheme}: the FluentProvider writes every theme token the built app reads, and no other`, async () => {
    const read = await themeTokensReadByTheBuild();
    expect(read.size).toBeGreaterThan(100);
    const shell = await openTestShell(browser, fakeServices(), fakePlatform(), scheme === 'dark' ? 'dark' : 'light');
    const { page } = shell;
    if (scheme === 'high contrast') {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.reload();
    }
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const written = await page
      .locator('.fui-FluentProvider')
      .first()
      .evaluate((element, names) => names.filter((name) => getComputedStyle(element).getPropertyValue(`--${name}`) !== ''), Object.keys(webLightTheme));
    expect(new Set(written)).toEqual(read);
    expect(shell.pageErrors).toEqual([]);
    await shell.close();
  });
}
