import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { rendererCsp } from '../main/security/csp';
import { shellOrigin } from './origin';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves out/renderer at shellOrigin with the same CSP header Electron sends, and aborts every
 * other request the app page makes: the renderer has no business on the network.
 */
export async function serveRenderer(context: BrowserContext, rendererDir: string): Promise<void> {
  const root = normalize(rendererDir + sep);
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== shellOrigin) return route.abort('blockedbyclient');
    const path = url.pathname === '/' ? '/index.html' : decodedPath(url.pathname);
    // A malformed escape (such as /%E0%A4%A) is the client's mistake: answer it, never crash on it.
    if (path === null) return route.fulfill({ status: 400, body: 'Bad request' });
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) return route.fulfill({ status: 404, body: 'Not found' });
    try {
      const body = await readFile(file);
      return route.fulfill({
        status: 200,
        body,
        headers: {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': rendererCsp,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return route.fulfill({ status: 404, body: 'Not found' });
    }
  });
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}
