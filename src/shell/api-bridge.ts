import { eventChannels, invokeChannels } from '../shared/ipc/channels';

export const invokeBindingName = '__m365connectInvoke';
export const emitFunctionName = '__m365connectEmit';

/**
 * The shell's stand-in for the preload: builds the same frozen `window.api` over a Playwright
 * binding. Serialised into the page as an init script, so it must not close over anything.
 */
function installApi(names: { invoke: string; emit: string; channels: string[]; events: string[] }): void {
  const w = window as unknown as Record<string, unknown>;
  const invoke = w[names.invoke] as (channel: string, payload: unknown) => Promise<unknown>;
  if (typeof invoke !== 'function' || window.top !== window) return;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const channel of names.channels) api[channel] = (request: unknown) => invoke(channel, request);
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!names.events.includes(event)) throw new Error(`Unknown event: ${event}`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
  Object.defineProperty(window, names.emit, {
    value: (event: string, payload: unknown) => listeners.get(event)?.forEach((listener) => listener(payload)),
    writable: false,
    configurable: false,
  });
}

// Under tsx/esbuild, function sources carry `__name(...)` helper calls the page doesn't have;
// defining it inside the script keeps installApi's serialised form runnable whatever compiled it.
export const apiInitScript = `(() => { const __name = (fn) => fn; (${installApi.toString()})(${JSON.stringify({
  invoke: invokeBindingName,
  emit: emitFunctionName,
  channels: invokeChannels,
  events: eventChannels,
})}); })();`;
