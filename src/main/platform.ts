/**
 * What handlers need from the host, and nothing more. Electron implements it in
 * src/main/electron/platform.ts, the Chromium shell in src/shell/platform.ts, tests with fakes.
 */
export type SaveFileRequest = {
  suggestedName: string;
  data: Uint8Array;
  filters: { name: string; extensions: string[] }[];
};

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
}
