import { app, Menu, nativeImage, Notification, Tray } from 'electron';
import { homedir } from 'node:os';
import type { BridgeView } from '../../shared/bridge/app-view';
import { setXdgAutostart, xdgAutostartPath } from '../autostart/xdg';
import type { BackgroundNotification, Platform } from '../platform-port';
import { trayIconBitmap, trayModel, type TrayAction } from '../tray/tray-model';

export type BackgroundActions = {
  /** Shows the window (creating it if it was closed), at a guide when one is named. */
  open(guide?: string): void;
  pause(): void;
  resume(): void;
  quit(): void;
};

/** The argument a login-started app gets: it starts in the tray, without a window. */
export const startedAtLoginArg = '--hidden';

/** Tray, notifications and login item, the Electron way (the Platform's background part). */
export function createElectronBackground(actions: BackgroundActions): Pick<Platform, 'showBridgeState' | 'notify' | 'setStartAtLogin'> {
  let tray: Tray | null = null;
  let lastGuide: string | null = null;
  const run = (action: TrayAction) => {
    if (action === 'open' || action === 'sign-in-again') actions.open();
    else if (action === 'open-guide') actions.open(lastGuide ?? undefined);
    else if (action === 'pause') actions.pause();
    else if (action === 'resume') actions.resume();
    else actions.quit();
  };
  return {
    showBridgeState(view: BridgeView) {
      // No tray until the bridge has run once: an app that is just a wizard stays a plain window.
      if (!tray && view.status.state === 'stopped') return;
      lastGuide = view.alert?.guide ?? null;
      const model = trayModel(view);
      const icon = nativeImage.createFromBitmap(trayIconBitmap(model.tone), { width: 16, height: 16 });
      if (!tray) {
        tray = new Tray(icon);
        tray.on('click', () => actions.open());
      } else {
        tray.setImage(icon);
      }
      tray.setToolTip(model.tooltip);
      tray.setContextMenu(
        Menu.buildFromTemplate(
          model.items.map((item) =>
            item.action === null
              ? { label: item.label, enabled: false }
              : { label: item.label, click: () => run(item.action as TrayAction) },
          ),
        ),
      );
    },
    notify({ title, body, guide }: BackgroundNotification) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', () => actions.open(guide ?? undefined));
      notification.show();
    },
    async setStartAtLogin(enabled: boolean) {
      if (process.platform === 'linux') {
        // An AppImage runs from a temporary mount: autostart must name the AppImage file itself.
        const exec = process.env.APPIMAGE ?? process.execPath;
        await setXdgAutostart({ enabled, path: xdgAutostartPath(process.env, homedir()), exec, args: [startedAtLoginArg] });
        return;
      }
      app.setLoginItemSettings({ openAtLogin: enabled, args: [startedAtLoginArg] });
    },
  };
}
