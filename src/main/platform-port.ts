import type { BridgeView } from '../shared/bridge/app-view';

/**
 * What handlers need from the host, and nothing more. Electron implements it in
 * src/main/electron/electron-platform.ts, the Chromium shell in src/shell/shell-platform.ts, tests with fakes.
 */
export type SaveFileRequest = {
  suggestedName: string;
  data: Uint8Array;
  filters: { name: string; extensions: string[] }[];
};

/** A system notification; clicking it opens the window (at the guide, when one is named). */
export type BackgroundNotification = { title: string; body: string; guide: string | null };

export interface Platform {
  readonly host: 'electron' | 'chromium-shell';
  /** Opens an already-allowlisted URL in the system browser. */
  openExternal(url: string): Promise<void>;
  writeClipboard(text: string): Promise<void>;
  readClipboard(): Promise<string>;
  /** Per-user folder for settings and logs. */
  appDataDir(): string;
  /** Asks the user where to save; resolves to the path written, or null if they cancelled. */
  saveFile(request: SaveFileRequest): Promise<string | null>;
  /** Renders self-contained HTML to a PDF with the host's browser engine. */
  renderPdf(html: string): Promise<Uint8Array>;
  /** The bridge's state where the user sees it with the window closed: the tray (Electron), the page (shell). */
  showBridgeState(view: BridgeView): void;
  notify(notification: BackgroundNotification): void;
  /** Starts the app at login (login item on Windows and macOS, XDG autostart on Linux), or stops that. */
  setStartAtLogin(enabled: boolean): Promise<void>;
}
