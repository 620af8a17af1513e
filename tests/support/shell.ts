import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Platform } from '../../src/main/platform-port';
import type { Services } from '../../src/main/services';
import { openShell, type Shell } from '../../src/shell/launch';

export const rendererDir = resolve(__dirname, '../../out/renderer');

/** The built renderer in the Chromium shell, bound to the given services; collects page errors. */
export async function openTestShell(
  browser: Browser,
  services: Services,
  platform: Platform,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<Shell & { pageErrors: string[]; internalErrors: unknown[] }> {
  const internalErrors: unknown[] = [];
  const shell = await openShell({
    browser,
    services,
    platform,
    rendererDir,
    colorScheme,
    onInternalError: (_channel, error) => internalErrors.push(error),
  });
  const pageErrors: string[] = [];
  shell.page.on('pageerror', (error) => pageErrors.push(error.message));
  return { ...shell, pageErrors, internalErrors };
}
