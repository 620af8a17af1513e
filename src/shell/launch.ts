import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createHandlers } from '../main/handlers';
import { createDispatch } from '../main/ipc/dispatch';
import type { Platform } from '../main/platform-port';
import type { Services } from '../main/services';
import { bindApi, emitToPage } from './bind-api';
import { shellOrigin } from './origin';
import { serveRenderer } from './serve-renderer';

export type Shell = { context: BrowserContext; page: Page; close(): Promise<void> };

/**
 * Opens the built renderer in Chromium with `window.api` bound to the real handler table:
 * the E2E host, and `npm start`'s fallback when the Electron runtime is missing.
 */
export async function openShell(options: {
  browser: Browser;
  services: Services;
  platform: Platform;
  rendererDir: string;
  colorScheme?: 'light' | 'dark';
  onInternalError?: (channel: string, error: unknown) => void;
}): Promise<Shell> {
  const context = await options.browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1040, height: 760 },
    permissions: [],
  });
  await serveRenderer(context, options.rendererDir);
  const page = await context.newPage();
  const dispatch = createDispatch(createHandlers(options.services, options.platform), {
    trustedOrigin: shellOrigin,
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  });
  await bindApi(page, dispatch);
  // Same lock as Electron's will-navigate/setWindowOpenHandler: the app page never leaves its origin.
  page.on('popup', (popup) => void popup.close());
  // The bridge's health reaches the page as it would reach Electron's window.
  const unsubscribe = options.services.bridgeHealth?.onChange((view) => emitToPage(page, 'bridge:event', view));
  await page.goto(`${shellOrigin}/index.html`);
  return {
    context,
    page,
    close: async () => {
      unsubscribe?.();
      await context.close();
    },
  };
}
