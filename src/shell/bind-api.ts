import type { Page } from 'playwright-core';
import type { Dispatch } from '../main/ipc/dispatch';
import type { EventChannel } from '../shared/ipc/channels';
import type { EventPayload } from '../shared/ipc/contract';
import { apiInitScript, emitFunctionName, invokeBindingName } from './api-bridge';

/** Binds the dispatcher to `window.api` in the page, as Electron's preload + ipcMain would. */
export async function bindApi(page: Page, dispatch: Dispatch): Promise<void> {
  await page.exposeBinding(invokeBindingName, (source, channel: unknown, payload: unknown) => {
    const sender = { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() };
    return dispatch(channel, payload, sender, { emit: (event, data) => emitToPage(source.page, event, data) });
  });
  await page.addInitScript(apiInitScript);
}

/** Sends one contract event to the page, as Electron's webContents.send would. */
export function emitToPage<E extends EventChannel>(page: Page, event: E, data: EventPayload<E>): void {
  void page
    .evaluate(([name, fn, value]) => {
      const emit = (window as unknown as Record<string, (e: string, p: unknown) => void>)[fn];
      emit?.(name, value);
    }, [event, emitFunctionName, data] as const)
    .catch(() => undefined);
}
