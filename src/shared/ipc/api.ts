import type { EventChannel, InvokeChannel } from './channels';
import type { EventPayload, Request, Response } from './contract';
import type { IpcResult } from './result';

/**
 * The shape of `window.api`, identical under Electron's preload and the Chromium shell:
 * one function per contract channel, plus a subscription to the contract's events.
 */
export type Api = {
  readonly [C in InvokeChannel]: (request: Request<C>) => Promise<IpcResult<Response<C>>>;
} & {
  readonly on: <E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};
