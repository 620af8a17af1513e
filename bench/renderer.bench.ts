/**
 * The renderer's weight and start-up: JS size (raw and gzip) and the time from navigation to
 * the first interactive screen in the system Chromium, beside a minimal React page built and
 * measured the same way in the same run. Prints figures; asserts nothing.
 *   npm run bench:renderer [-- --runs N]
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
const appDir = resolve(__dirname, '../out/renderer');

async function jsSize(dir: string) {
  const assets = join(dir, 'assets');
  let raw = 0;
  let gzip = 0;
  for (const name of await readdir(assets)) {
    if (!name.endsWith('.js')) continue;
    const bytes = await readFile(join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
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

/** Milliseconds from navigation start to the first enabled button being visible. */
async function timeToInteractive(page: Page, url: string): Promise<number> {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Get started' }).waitFor({ state: 'visible' });
  return performance.now() - started;
}

async function measureApp(browser: Browser) {
  const shell = await openShell({ browser, services: fakeServices(), platform: fakePlatform(), rendererDir: appDir });
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timeToInteractive(shell.page, `${shellOrigin}/index.html`));
  await shell.close();
  return times;
}

async function measureMinimal(browser: Browser, dir: string) {
  const context = await browser.newContext();
  await serveRenderer(context, dir);
  const page = await context.newPage();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await timeToInteractive(page, `${shellOrigin}/index.html`));
  await context.close();
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  const minimalDir = await buildMinimalReactPage();
  const browser = await launchChromium({ headless: true });
  try {
    const [app, minimal] = [await jsSize(appDir), await jsSize(minimalDir)];
    const appTimes = await measureApp(browser);
    const minimalTimes = await measureMinimal(browser, minimalDir);
    console.log(`renderer bench (${runs} navigations each, median; same Chromium, same run)`);
    console.log('page                 JS raw       JS gzip     first interactive');
    console.log(`m365-connect         ${kb(app.raw).padEnd(12)} ${kb(app.gzip).padEnd(11)} ${median(appTimes).toFixed(0)} ms`);
    console.log(`minimal React page   ${kb(minimal.raw).padEnd(12)} ${kb(minimal.gzip).padEnd(11)} ${median(minimalTimes).toFixed(0)} ms`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
