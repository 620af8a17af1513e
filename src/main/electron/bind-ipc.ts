import { ipcMain, type WebContents } from 'electron';
import { invokeChannels } from '../../shared/ipc/channels';
import type { Dispatch } from '../ipc/dispatch';

/** Binds every contract channel to the dispatcher, with the sender frame as Electron reports it. */
export function bindIpc(dispatch: Dispatch): void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const frame = event.senderFrame;
      const sender = { url: frame?.url ?? '', isMainFrame: frame !== null && frame === event.sender.mainFrame };
      const contents: WebContents = event.sender;
      return dispatch(channel, payload, sender, {
        emit: (name, data) => {
          if (!contents.isDestroyed()) contents.send(name, data);
        },
      });
    });
  }
}
