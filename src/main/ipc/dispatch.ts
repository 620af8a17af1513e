import { invokeChannels, type InvokeChannel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { internalError } from '../../shared/errors/catalogue';
import { isAppError, type AppErrorShape } from '../../shared/ipc/app-error';
import type { IpcResult } from '../../shared/ipc/result';
import type { HandlerContext, HandlerTable } from './handler-types';
import { isTrustedSender, type SenderInfo } from './sender';

export type Dispatch = (
  channel: unknown,
  payload: unknown,
  sender: SenderInfo,
  context: HandlerContext,
) => Promise<IpcResult<unknown>>;

export type DispatchOptions = {
  trustedOrigin: string;
  /** Where unexpected failures are recorded; receives no payloads, so no secrets. */
  onInternalError?: (channel: string, error: unknown) => void;
};

const isInvokeChannel = (value: unknown): value is InvokeChannel =>
  typeof value === 'string' && (invokeChannels as readonly string[]).includes(value);

const failure = (error: AppErrorShape): IpcResult<never> => ({ ok: false, error });

// Structured clone can deliver a Date, Map, Set, RegExp or Error, which zod would read as an
// empty object. A request is only ever a plain object (or a primitive zod will reject).
const isExoticObject = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
};

// zod echoes unknown key names into messages and paths; a hostile payload must not get its
// megabyte-long keys sent back, so both are capped.
const clip = (text: string, max = 200) => (text.length > max ? `${text.slice(0, max)}…` : text);

const invalidPayload = (issues: { path: string; message: string }[]): IpcResult<never> =>
  failure({ code: 'invalid-payload', message: 'The request was not valid.', issues });

/**
 * The one gate between a window and the handlers: channel known, sender trusted, payload
 * valid, and every outcome a typed result. Nothing thrown escapes to the IPC layer.
 */
export function createDispatch(handlers: HandlerTable, options: DispatchOptions): Dispatch {
  return async (channel, payload, sender, context) => {
    if (!isInvokeChannel(channel)) {
      return failure({ code: 'unknown-channel', message: 'This request is not part of the app.' });
    }
    if (!isTrustedSender(sender, options.trustedOrigin)) {
      return failure({ code: 'untrusted-sender', message: 'The request did not come from the app window.' });
    }
    if (isExoticObject(payload)) {
      return invalidPayload([{ path: '(root)', message: 'Invalid input: expected a plain object' }]);
    }
    const parsed = contract[channel].request.safeParse(payload);
    if (!parsed.success) {
      return invalidPayload(
        parsed.error.issues.slice(0, 10).map((issue) => ({
          path: clip(issue.path.map(String).join('.')) || '(root)',
          message: clip(issue.message),
        })),
      );
    }
    try {
      // The table is keyed by channel, so this pairing is sound; TypeScript can't correlate the union.
      const handler = handlers[channel] as (request: unknown, context: HandlerContext) => Promise<unknown>;
      const value: unknown = await handler(parsed.data, context);
      return { ok: true, value: contract[channel].response.parse(value) };
    } catch (error) {
      if (isAppError(error)) return failure(error.toShape());
      options.onInternalError?.(channel, error);
      return failure(internalError().toShape());
    }
  };
}
