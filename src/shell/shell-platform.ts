import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { BridgeView } from '../shared/bridge/app-view';
import type { BackgroundNotification, Platform } from '../main/platform-port';
import { launchChromium } from './chromium';

export type ShellPlatformOptions = {
  browser: Browser;
  appDataDir: string;
  /** Where "Save as" writes, since the shell has no native dialog. */
  downloadsDir: string;
  /**
   * Stands in for the system browser. By default a new tab in the shell's Chromium; tests
   * pass their own to drive the sign-in page.
   */
  openExternal?: (url: string) => Promise<void>;
  /** Trust the sandbox's own CA in the stand-in browser tab (demo tenant only). */
  trustSandboxCertificates?: boolean;
};

export type ShellPlatform = Platform & {
  /** The shell has no tray or notification area: the page shows the bridge's state (the renderer's health banner); these keep what a tray would have shown. */
  readonly background: { trayStates: BridgeView[]; notifications: BackgroundNotification[]; startAtLogin: boolean | null };
};

/** Platform for the Chromium shell: the browser tab is the system browser, the clipboard is in memory. */
export function createShellPlatform(options: ShellPlatformOptions): ShellPlatform {
  let clipboard = '';
  const background: ShellPlatform['background'] = { trayStates: [], notifications: [], startAtLogin: null };
  const openInTab = async (url: string) => {
    const context = await options.browser.newContext({ ignoreHTTPSErrors: options.trustSandboxCertificates === true });
    const page = await context.newPage();
    await page.goto(url);
  };
  return {
    host: 'chromium-shell',
    background,
    showBridgeState: (view) => void background.trayStates.push(view),
    notify: (notification) => void background.notifications.push(notification),
    // The shell is a development and test host, not an installed app: nothing to start at login.
    setStartAtLogin: async (enabled) => {
      background.startAtLogin = enabled;
    },
    openExternal: options.openExternal ?? openInTab,
    writeClipboard: async (text) => {
      clipboard = text;
    },
    readClipboard: async () => clipboard,
    appDataDir: () => options.appDataDir,
    async saveFile({ suggestedName, data }) {
      await mkdir(options.downloadsDir, { recursive: true });
      // No dialog asks before replacing here, so an earlier export is never overwritten: name (2), (3)…
      const dot = suggestedName.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [suggestedName.slice(0, dot), suggestedName.slice(dot)] : [suggestedName, ''];
      for (let n = 1; ; n += 1) {
        const path = join(options.downloadsDir, n === 1 ? suggestedName : `${stem} (${n})${ext}`);
        try {
          await writeFile(path, data, { flag: 'wx' });
          return path;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw error;
        }
      }
    },
    async renderPdf(html) {
      // page.pdf() exists only in headless Chromium, so a headed shell prints with a headless one.
      const printer = await launchChromium({ headless: true });
      try {
        const page = await printer.newPage({ javaScriptEnabled: false });
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
      } finally {
        await printer.close();
      }
    },
  };
}
