import type { Platform } from '../../src/main/platform';

export function fakePlatform(): Platform & { opened: string[]; saved: string[] } {
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
  };
}
