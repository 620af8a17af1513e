/**
 * The renderer's weight and start-up: JS size (raw and gzip) and the time from navigation to
 * the first interactive screen in the system Chromium, beside a minimal React page built and
 * measured the same way in the same run. Prints figures; asserts nothing.
 *   npm run bench:renderer [-- --runs N] [--renderer-dir DIR]
 */
import react from '@vitejs/plugin-react';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../src/shell/chromium';
import { openShell } from '../src/shell/launch';
import { serveRenderer } from '../src/shell/serve-renderer';
import { shellOrigin } from '../src/shell/origin';
import { fakePlatform } from '../tests/support/fake-platform';
import { fakeServices } from '../tests/support/fake-services';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
// --renderer-dir <dir> measures another build (e.g. an older commit's out/renderer) the same way.
const rendererDirArg = process.argv.indexOf('--renderer-dir');
const appDir = rendererDirArg > 0 ? resolve(process.argv[rendererDirArg + 1]!) : resolve(__dirname, '../out/renderer');

type Size = { raw: number; gzip: number };

/** All JS files, and those the first screen loads (index.html's script and modulepreloads). */
async function jsSize(dir: string): Promise<{ all: Size; initial: Size }> {
  const assets = join(dir, 'assets');
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const initialNames = new Set([...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+\.js)"/g)].map((match) => match[1]));
  const all = { raw: 0, gzip: 0 };
  const initial = { raw: 0, gzip: 0 };
  for (const name of await readdir(assets)) {
    if (!name.endsWith('.js')) continue;
    const bytes = await readFile(join(assets, name));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    for (const size of initialNames.has(name) ? [all, initial] : [all]) {
      size.raw += bytes.length;
      size.gzip += gzip;
    }
  }
  return { all, initial };
}

/** A one-button React page, the floor any React renderer starts from. */
async function buildMinimalReactPage(): Promise<string> {
  // Inside the project, so the page resolves the same react and react-dom as the app.
  const root = resolve(__dirname, '../.tmp/bench-minimal-react');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>');
  await writeFile(
    join(root, 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<button>Get started</button>);\n",
  );
  const outDir = join(root, 'out');
  await build({ root, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } } });
  return outDir;
}

/**
 * Recorded inside the page, so the figure is not rounded up to Playwright's polling steps (it
 * checks at +0, 20, 50, 100 ms and so on): the first animation frame after an enabled
 * "Get started" button is in the document, in ms since navigation start (performance.now()).
 */
// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
const recordFirstInteractive = `
  const observer = new MutationObserver(() => {
    const ready = [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Get started' && !b.disabled);
    if (!ready) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.firstInteractiveMs = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
`;

/**
 * One navigation: the time the page recorded, once the button is visible to Playwright too.
 * Then the page is left to settle (its start-up calls and preloads done) before the next
 * navigation, so neither page's leftover work lands in the other's figure.
 */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Get started' }).waitFor({ state: 'visible' });
  const ms = await page.waitForFunction(() => (window as Window & { firstInteractiveMs?: number }).firstInteractiveMs);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(settleMs);
  return Number(await ms.jsonValue());
}

const settleMs = 300;

/**
 * Both pages in one browser, navigations alternating (app, minimal, app, …), so load from other
 * processes on a shared machine falls on both sides alike.
 */
async function measureBoth(browser: Browser, minimalDir: string) {
  const shell = await openShell({ browser, services: fakeServices(), platform: fakePlatform(), rendererDir: appDir });
  await shell.page.addInitScript({ content: recordFirstInteractive });
  const context = await browser.newContext();
  await context.addInitScript({ content: recordFirstInteractive });
  await serveRenderer(context, minimalDir);
  const minimalPage = await context.newPage();
  const app: number[] = [];
  const minimal: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      app.push(await timeToInteractive(shell.page, `${shellOrigin}/index.html`));
      minimal.push(await timeToInteractive(minimalPage, `${shellOrigin}/index.html`));
    }
  } finally {
    await context.close();
    await shell.close();
  }
  return { app, minimal };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  const minimalDir = await buildMinimalReactPage();
  const browser = await launchChromium({ headless: true });
  try {
    const [app, minimal] = [await jsSize(appDir), await jsSize(minimalDir)];
    const times = await measureBoth(browser, minimalDir);
    const [appMedian, minimalMedian] = [median(times.app), median(times.minimal)];
    const row = (name: string, size: { all: Size; initial: Size }, ms: number) =>
      `${name.padEnd(20)} ${kb(size.all.raw).padEnd(12)} ${kb(size.all.gzip).padEnd(11)} ${kb(size.initial.gzip).padEnd(13)} ${ms.toFixed(0)} ms`;
    console.log(`renderer bench (${runs} navigations each, alternating, each left ${settleMs} ms to settle; median; same Chromium, same run)`);
    console.log('page                 JS raw       JS gzip     first-screen  first interactive');
    console.log(row('m365-connect', app, appMedian));
    console.log(row('minimal React page', minimal, minimalMedian));
    console.log(`ratio ${(appMedian / minimalMedian).toFixed(2)}x`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
