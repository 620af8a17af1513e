import type { BrowserWindow } from 'electron';
import { app, dialog } from 'electron';
import { isAppError } from '../shared/ipc/app-error';
import { join } from 'node:path';
import { createHandlers } from './handlers';
import { createDispatch } from './ipc/dispatch';
import { logInternalError } from './ipc/log-internal-error';
import { bindIpc } from './electron/bind-ipc';
import { startedAtLoginArg } from './electron/background';
import { createElectronPlatform } from './electron/electron-platform';
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

  const showWindow = (guide?: string) => {
    const openGuide = (window: BrowserWindow) => guide && window.webContents.send('guide:open', { id: guide });
    if (!mainWindow || mainWindow.isDestroyed()) {
      const created = createMainWindow();
      mainWindow = created;
      if (guide) created.webContents.once('did-finish-load', () => openGuide(created));
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    openGuide(mainWindow);
  };
  let bridgeRunning = () => false;
  app.on('second-instance', () => showWindow());
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  // With the bridge on, closing the window keeps the app (and the tool's connection) in the tray.
  app.on('window-all-closed', () => {
    if (!bridgeRunning()) app.quit();
  });

  void app
    .whenReady()
    .then(async () => {
      let services: Awaited<ReturnType<typeof composeServices>> | null = null;
      const platform = createElectronPlatform(() => mainWindow, {
        open: (guide) => showWindow(guide),
        pause: () => void services?.bridge?.pause(),
        resume: () => void services?.bridge?.resume(),
        quit: () => app.quit(),
      });
      services = await composeServices({ platform, version: app.getVersion() });
      const { bridge, bridgeHealth, settings } = services;
      bridgeRunning = () => bridge !== undefined && bridge.status().state !== 'stopped';
      bridgeHealth?.onChange((view) => {
        if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('bridge:event', view);
      });
      bindIpc(
        createDispatch(createHandlers(services, platform), {
          trustedOrigin: appOrigin,
          onInternalError: logInternalError,
        }),
      );
      app.once('will-quit', () => void services?.close());
      // The login item follows the setting (or the policy) at every start, so a policy rollout applies without a click.
      if (settings.bridgeStartAtLogin.enabled || settings.bridgeStartAtLogin.lockedByPolicy) {
        void platform.setStartAtLogin(settings.bridgeStartAtLogin.enabled).catch(() => undefined);
      }
      serveRenderer(join(__dirname, '../renderer'));
      // Started at login: the bridge comes up in the tray, no window until the user opens one.
      if (process.argv.includes(startedAtLoginArg) && bridge && settings.routesOffered.includes('bridge')) {
        await bridge.start({ smtpPort: settings.bridgeSmtpPort, imapPort: settings.bridgeImapPort }).catch(() => undefined);
        if (bridgeRunning()) return;
      }
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
