import { app, BrowserWindow, clipboard, dialog, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { Platform, SaveFileRequest } from '../platform-port';
import { createElectronBackground, type BackgroundActions } from './background';

/** Platform, the Electron way. */
export function createElectronPlatform(getWindow: () => BrowserWindow | null, background: BackgroundActions): Platform {
  return {
    ...createElectronBackground(background),
    host: 'electron',
    // Callers pass only allowlisted URLs (handlers.ts) or MSAL's authorize URL at the configured authority.
    openExternal: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
    writeClipboard: (text) => clipboard.writeText(text),
    readClipboard: async () => clipboard.readText(),
    appDataDir: () => app.getPath('userData'),
    async saveFile({ suggestedName, data, filters }: SaveFileRequest) {
      const window = getWindow();
      const options = { defaultPath: suggestedName, filters };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, data);
      return choice.filePath;
    },
    async renderPdf(html) {
      // An offscreen, script-less window: the HTML is our own, but it still gets no privileges.
      const printer = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await printer.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        return new Uint8Array(await printer.webContents.printToPDF({ printBackground: true }));
      } finally {
        printer.destroy();
      }
    },
  };
}
