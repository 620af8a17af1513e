/**
 * The BrowserWindow options, kept free of 'electron' so the security suite can assert them.
 * Every item of Electron's security checklist that lives in webPreferences is set explicitly,
 * even where Electron's default already agrees, so a default change can't loosen it.
 */
export function secureWindowOptions(preloadPath: string) {
  return {
    width: 1040,
    height: 760,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'm365-connect',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // Middle-click would otherwise open links in a new window without will-navigate.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  } as const;
}

/** The renderer is served from this privileged custom scheme, never from file://. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://renderer`;
