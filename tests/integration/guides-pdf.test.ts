import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allGuides, renderBinderHtml } from '../../src/shared/guides';

const chromiumPath = '/usr/bin/chromium';
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const missing = !existsSync(chromiumPath) ? 'Chromium is not installed at /usr/bin/chromium' : !hasPdftotext ? 'pdftotext (poppler-utils) is not installed' : null;
if (missing) console.warn(`guides-pdf: skipped: ${missing}`);

describe.skipIf(missing !== null)('guides binder as PDF', () => {
  let browser: Browser;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guides-pdf-'));
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints a readable PDF with every guide and step, fetching nothing', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // Offline: any request the document makes is recorded and refused.
    await page.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort();
    });
    await page.setContent(renderBinderHtml(allGuides, { generatedOn: '2026-11-22' }), { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.close();
    expect(requests).toEqual([]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const file = join(dir, 'guides.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Contents');
    for (const guide of allGuides) {
      expect(flat, guide.title).toContain(guide.title.replace(/\s+/g, ' '));
      // A distinctive run of words from each step survives layout and line breaks.
      for (const step of guide.steps) {
        const words = step.text.split(/\s+/).slice(0, 5).join(' ');
        expect(flat, `${guide.id}: ${words}`).toContain(words);
      }
    }
    // One guide per page at least: the binder breaks pages before each guide.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? '0');
    expect(pages).toBeGreaterThanOrEqual(allGuides.length + 1);
  });
});
