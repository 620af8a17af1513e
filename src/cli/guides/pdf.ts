import { chromium } from 'playwright-core';

/** The system Chromium; M365_CONNECT_CHROMIUM overrides it (macOS and Windows installs differ). */
const defaultChromium = '/usr/bin/chromium';

/**
 * Self-contained HTML -> PDF with headless Chromium (`page.pdf`). Every request the page
 * makes is refused, so the export works with no network and never leaks a fetch.
 */
export async function renderPdf(html: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: env.M365_CONNECT_CHROMIUM || defaultChromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
  } finally {
    await browser.close();
  }
}
