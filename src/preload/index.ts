import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannels, invokeChannels } from '../shared/ipc/channels';

// Exactly the contract: one function per channel and a subscription per event, nothing generic.
const api: Record<string, unknown> = {};
for (const channel of invokeChannels) {
  api[channel] = (request: unknown) => ipcRenderer.invoke(channel, request);
}
api.on = (event: string, listener: (payload: unknown) => void) => {
  if (!(eventChannels as readonly string[]).includes(event)) throw new Error(`Unknown event: ${event}`);
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => ipcRenderer.removeListener(event, wrapped);
};

contextBridge.exposeInMainWorld('api', Object.freeze(api));
