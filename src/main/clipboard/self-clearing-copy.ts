import type { Platform } from '../platform-port';

/** Timer functions, injectable so tests can advance time instead of waiting 30 s. */
export type Timer = {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type SelfClearingClipboard = {
  /** Copies the text; the clipboard is emptied after the delay if it still holds this text. */
  copy(text: string): Promise<void>;
  /** Empties it now if it still holds what we copied (on quit, for instance). */
  clearNow(): Promise<void>;
};

export const clipboardClearDelayMs = 30_000;

const systemTimer: Timer = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref(); // a pending clear must not keep the process alive
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * A copy that does not linger: an app password or device code is gone from the clipboard after
 * 30 s, unless the user has copied something else meanwhile (that we leave alone).
 */
export function createSelfClearingClipboard(options: {
  platform: Pick<Platform, 'writeClipboard' | 'readClipboard'>;
  delayMs?: number;
  timer?: Timer;
  /** Told when a clear fails; never given the copied text. */
  onClearFailed?: (error: unknown) => void;
}): SelfClearingClipboard {
  const { platform } = options;
  const delayMs = options.delayMs ?? clipboardClearDelayMs;
  const timer = options.timer ?? systemTimer;
  let pending: { text: string; handle: unknown } | null = null;

  const clearIfUnchanged = async (text: string) => {
    if ((await platform.readClipboard()) === text) await platform.writeClipboard('');
  };

  return {
    async copy(text) {
      if (pending) timer.clearTimeout(pending.handle);
      pending = null;
      await platform.writeClipboard(text);
      const handle = timer.setTimeout(() => {
        if (pending?.handle !== handle) return;
        pending = null;
        clearIfUnchanged(text).catch((error: unknown) => options.onClearFailed?.(error));
      }, delayMs);
      pending = { text, handle };
    },
    async clearNow() {
      if (!pending) return;
      const { text, handle } = pending;
      timer.clearTimeout(handle);
      pending = null;
      await clearIfUnchanged(text);
    },
  };
}
