import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import type { EventPayload, ParsedRequest, Response } from '../../shared/ipc/contract';

/** What a handler may do besides answering: push a contract event to the calling window. */
export type HandlerContext = {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
};

export type Handler<C extends InvokeChannel> = (
  request: ParsedRequest<C>,
  context: HandlerContext,
) => Promise<Response<C>>;

export type HandlerTable = { [C in InvokeChannel]: Handler<C> };
