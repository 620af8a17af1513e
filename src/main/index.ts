import type { BrowserWindow } from 'electron';
import { app, dialog } from 'electron';
import { isAppError } from '../shared/ipc/errors';
import { join } from 'node:path';
import { createHandlers } from './handlers';
import { createDispatch } from './ipc/dispatch';
import { logInternalError } from './ipc/log-internal-error';
import { bindIpc } from './electron/bind-ipc';
import { createElectronPlatform } from './electron/platform';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { appOrigin } from './security/window-options';
import { composeServices } from './compose';
import { createMainWindow } from './window';

// Composition root only: lifecycle, the window, and binding the handler table.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('window-all-closed', () => app.quit());

  void app
    .whenReady()
    .then(async () => {
      const platform = createElectronPlatform(() => mainWindow);
      const services = await composeServices({ platform, version: app.getVersion() });
      bindIpc(
        createDispatch(createHandlers(services, platform), {
          trustedOrigin: appOrigin,
          onInternalError: logInternalError,
        }),
      );
      app.once('will-quit', () => void services.close());
      serveRenderer(join(__dirname, '../renderer'));
      mainWindow = createMainWindow();
    })
    .catch((error: unknown) => {
      // A bad policy or setting stops start-up with its own plain message (it names the key and
      // the file); anything else gets a generic one, never a stack trace.
      const message = isAppError(error) ? [error.message, error.nextStep].filter(Boolean).join('\n\n') : 'm365-connect could not start.';
      dialog.showErrorBox('m365-connect', message);
      app.exit(1);
    });
}
