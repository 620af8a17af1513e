import { describe, expect, it } from 'vitest';
import { createSelfClearingClipboard, type Timer } from '../../src/main/clipboard';

function fakeTimer() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const timer: Timer = {
    setTimeout: (callback, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
  };
  const advance = async (ms: number) => {
    now += ms;
    for (const [id, entry] of [...timers]) {
      if (entry.at <= now) {
        timers.delete(id);
        entry.callback();
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { timer, advance, pending: () => timers.size };
}

function fakeClipboard() {
  let content = '';
  return {
    platform: {
      writeClipboard: async (text: string) => void (content = text),
      readClipboard: async () => content,
    },
    read: () => content,
    userCopies: (text: string) => void (content = text),
  };
}

describe('self-clearing clipboard', () => {
  it('empties the clipboard 30 s after the copy, not before', async () => {
    const clipboard = fakeClipboard();
    const { timer, advance } = fakeTimer();
    const copy = createSelfClearingClipboard({ platform: clipboard.platform, timer });
    await copy.copy('abcdefghijklmnop');
    expect(clipboard.read()).toBe('abcdefghijklmnop');
    await advance(29_999);
    expect(clipboard.read()).toBe('abcdefghijklmnop');
    await advance(1);
    expect(clipboard.read()).toBe('');
  });

  it('leaves alone whatever the user copied meanwhile', async () => {
    const clipboard = fakeClipboard();
    const { timer, advance } = fakeTimer();
    const copy = createSelfClearingClipboard({ platform: clipboard.platform, timer });
    await copy.copy('abcdefghijklmnop');
    clipboard.userCopies('a shopping list');
    await advance(30_000);
    expect(clipboard.read()).toBe('a shopping list');
  });

  it('restarts the delay for a new copy and only clears the latest', async () => {
    const clipboard = fakeClipboard();
    const { timer, advance, pending } = fakeTimer();
    const copy = createSelfClearingClipboard({ platform: clipboard.platform, timer });
    await copy.copy('first');
    await advance(20_000);
    await copy.copy('second');
    expect(pending()).toBe(1);
    await advance(20_000);
    expect(clipboard.read()).toBe('second');
    await advance(10_000);
    expect(clipboard.read()).toBe('');
  });

  it('clears at once on demand (app quitting), only if still ours', async () => {
    const clipboard = fakeClipboard();
    const { timer, pending } = fakeTimer();
    const copy = createSelfClearingClipboard({ platform: clipboard.platform, timer });
    await copy.copy('abcdefghijklmnop');
    await copy.clearNow();
    expect(clipboard.read()).toBe('');
    expect(pending()).toBe(0);
    await copy.copy('abcdefghijklmnop');
    clipboard.userCopies('mine');
    await copy.clearNow();
    expect(clipboard.read()).toBe('mine');
  });
});
