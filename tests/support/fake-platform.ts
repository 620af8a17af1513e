import type { BridgeView } from '../../src/shared/bridge/app-view';
import type { BackgroundNotification, Platform } from '../../src/main/platform-port';

/** The tray, notifications and login item, recorded: what a test asserts the user would see. */
export function backgroundRecorder(): Pick<Platform, 'showBridgeState' | 'notify' | 'setStartAtLogin'> & {
  trayStates: BridgeView[];
  notifications: BackgroundNotification[];
  startAtLogin: boolean[];
} {
  const trayStates: BridgeView[] = [];
  const notifications: BackgroundNotification[] = [];
  const startAtLogin: boolean[] = [];
  return {
    trayStates,
    notifications,
    startAtLogin,
    showBridgeState: (view) => void trayStates.push(view),
    notify: (notification) => void notifications.push(notification),
    setStartAtLogin: async (enabled) => void startAtLogin.push(enabled),
  };
}

export function fakePlatform(): Platform & { opened: string[]; saved: string[] } & ReturnType<typeof backgroundRecorder> {
  let clipboard = '';
  const opened: string[] = [];
  const saved: string[] = [];
  return {
    host: 'chromium-shell',
    opened,
    saved,
    openExternal: async (url) => {
      opened.push(url);
    },
    writeClipboard: async (text) => {
      clipboard = text;
    },
    readClipboard: async () => clipboard,
    appDataDir: () => '/nonexistent',
    saveFile: async ({ suggestedName }) => {
      saved.push(suggestedName);
      return `/tmp/${suggestedName}`;
    },
    renderPdf: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46]),
    ...backgroundRecorder(),
  };
}
