import { BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { appOrigin, secureWindowOptions } from './security/window-options';

/** The one window. Navigation, new windows and every permission request are refused. */
export function createMainWindow(): BrowserWindow {
  // eng-disable below: the checker cannot see into secureWindowOptions(), which sets contextIsolation, sandbox
  // and disableBlinkFeatures 'Auxclick'; tests/security/window-config.test.ts asserts each of them.
  const window = new BrowserWindow(secureWindowOptions(join(__dirname, '../preload/index.js'))); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK

  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-redirect', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Links meant for the browser go through the allowlisted shell:open-external handler instead.
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${appOrigin}/index.html`);
  return window;
}
