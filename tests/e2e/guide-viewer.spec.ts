import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { allGuides } from '../../src/shared/guides';
import { launchTestBrowser } from '../support/chromium';
import { expectNoAxeViolations } from '../support/wizard-page';

/**
 * The guide viewer on its own, in Chromium, with every network request refused: it must work
 * offline and without signing in. window.api is a recording stub (the viewer's only way out).
 */
const origin = 'https://guides.test';
const harness = `
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, webDarkTheme } from '@fluentui/react-components';
import { GuideViewer } from './src/renderer/src/guides';
const calls = [];
window.__calls = calls;
window.print = () => calls.push(['print']);
window.api = new Proxy({}, { get: (_t, channel) => async (request) => {
  calls.push([channel, request]);
  if (channel === 'guides:export') return { ok: true, value: { savedTo: '/home/u/m365-connect-guides.' + request.format } };
  if (channel === 'shell:open-external') return { ok: true, value: { opened: true } };
  return { ok: false, error: { code: 'internal', message: 'not in this test' } };
} });
const params = new URLSearchParams(location.search);
const dark = params.get('dark') === '1';
const props = { onClose: () => calls.push(['close']), hiddenGuides: (params.get('hidden') || '').split(',').filter(Boolean) };
if (params.get('guide')) props.initialGuideId = params.get('guide');
createRoot(document.getElementById('root')).render(
  h(FluentProvider, { theme: dark ? webDarkTheme : webLightTheme, style: { minHeight: '100vh' } }, h('main', { style: { maxWidth: 800, margin: '0 auto', padding: 24 } }, h(GuideViewer, props))));
`;

let browser: Browser;
let bundle: string;
test.beforeAll(async () => {
  browser = await launchTestBrowser();
  const result = await build({
    stdin: { contents: harness, loader: 'tsx', resolveDir: resolve(__dirname, '../..') },
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]?.text ?? '';
});
test.afterAll(async () => {
  await browser.close();
});

async function openViewer(query = '', dark = false): Promise<{ page: Page; refused: string[]; errors: string[] }> {
  const context = await browser.newContext({ colorScheme: dark ? 'dark' : 'light' });
  const page = await context.newPage();
  const refused: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      refused.push(url.href);
      return route.abort('internetdisconnected');
    }
    if (url.pathname === '/bundle.js') return route.fulfill({ contentType: 'text/javascript', body: bundle });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Guides</title></head><body><div id="root"></div><script src="/bundle.js"></script></body></html>',
    });
  });
  await page.goto(`${origin}/${query}${dark ? (query ? '&' : '?') + 'dark=1' : ''}`);
  return { page, refused, errors };
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { __calls: unknown[][] }).__calls);

test('lists guides by audience, opens one per page, and renders every guide offline', async () => {
  const { page, refused, errors } = await openViewer();
  const heading = page.getByRole('heading', { level: 1, name: 'Guides' });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('tab', { name: /For users/ })).toHaveAttribute('aria-selected', 'true');

  for (const guide of allGuides) {
    await page.getByRole('tab', { name: guide.audience === 'admin' ? /For admins/ : /For users/ }).click();
    await page.getByRole('button', { name: guide.title, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: guide.title })).toBeFocused();
    const steps = page.getByTestId('guide-page').locator('ol > li');
    await expect(steps).toHaveCount(guide.steps.length);
    await expect(steps.first()).toContainText(guide.steps[0]!.text);
    if (guide.lowersSecurity) await expect(page.getByText('This lowers security.')).toBeVisible();
    const pictures = guide.steps.filter((s) => s.illustration).length;
    await expect(page.getByTestId('guide-page').locator('svg[role="img"]')).toHaveCount(pictures);
    await page.getByRole('button', { name: 'All guides' }).click();
    // Focus returns to the guide the user came from.
    await expect(page.getByRole('button', { name: guide.title, exact: true })).toBeFocused();
  }
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
});

test('search finds a guide by a word from its steps', async () => {
  const { page } = await openViewer();
  await page.getByRole('searchbox', { name: 'Search the guides' }).fill('Manage email apps');
  await expect(page.getByRole('status')).toContainText('match');
  const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
  await expect(first).toContainText('Enable Authenticated SMTP');
  await expect(first).toContainText(/Step \d+: .*Manage email apps/);
  await page.getByRole('searchbox', { name: 'Search the guides' }).fill('zzzznothing');
  await expect(page.getByRole('status')).toHaveText('No guide matches “zzzznothing”.');
});

test('deep links, print and export go through window.api', async () => {
  const { page } = await openViewer('?guide=create-app-password');
  await expect(page.getByRole('heading', { level: 1, name: 'Create an app password' })).toBeFocused();
  await page.getByRole('button', { name: 'Open Security info' }).first().click();
  await page.getByRole('button', { name: 'Print' }).click();
  await page.getByRole('button', { name: 'Export to PDF' }).click();
  await expect(page.getByText('/home/u/m365-connect-guides.pdf')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the wizard' }).click();
  expect(await calls(page)).toEqual([
    ['shell:open-external', { url: 'https://mysignins.microsoft.com/security-info' }],
    ['print'],
    ['guides:export', { format: 'pdf', ids: ['create-app-password'] }],
    ['close'],
  ]);
});

test('hidden guides are neither listed, found, linked nor exported', async () => {
  const { page } = await openViewer('?hidden=disable-security-defaults&guide=disable-security-defaults');
  await expect(page.getByText('That guide is not available')).toBeVisible();
  await page.getByRole('tab', { name: /For admins/ }).click();
  await expect(page.getByRole('button', { name: 'Turn off security defaults' })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search the guides' }).fill('security defaults');
  const results = page.getByRole('list', { name: 'Search results' });
  await expect(results.getByRole('button', { name: 'Enable and enforce per-user MFA' })).toBeVisible();
  await expect(results.getByRole('button', { name: 'Turn off security defaults', exact: true })).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search the guides' }).fill('');
  await page.getByRole('button', { name: 'Export to HTML' }).click();
  await expect(page.getByText('/home/u/m365-connect-guides.html')).toBeVisible();
  const exported = (await calls(page)).find((c) => c[0] === 'guides:export')?.[1] as { ids: string[] };
  expect(exported.ids).not.toContain('disable-security-defaults');
  expect(exported.ids.length).toBe(allGuides.length - 1);
});

test('works by keyboard alone: tabs, open, Escape back', async () => {
  const { page } = await openViewer();
  await page.getByRole('tab', { name: /For users/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /For admins/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /For admins/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Enable and enforce per-user MFA' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Enable and enforce per-user MFA' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Enable and enforce per-user MFA' })).toBeFocused();
});

for (const dark of [false, true]) {
  test(`no axe violations on the list and on guides (${dark ? 'dark' : 'light'})`, async () => {
    const { page } = await openViewer('', dark);
    await expect(page.getByRole('heading', { level: 1, name: 'Guides' })).toBeVisible();
    await expectNoAxeViolations(page as never, `guide list (${dark ? 'dark' : 'light'})`);
    await page.getByRole('searchbox', { name: 'Search the guides' }).fill('app password');
    await expectNoAxeViolations(page as never, 'search results');
    for (const id of ['create-app-password', 'disable-security-defaults']) {
      const { page: guidePage } = await openViewer(`?guide=${id}`, dark);
      await expect(guidePage.getByTestId('guide-page')).toBeVisible();
      await expectNoAxeViolations(guidePage as never, `${id} (${dark ? 'dark' : 'light'})`);
    }
  });
}
