import type { InvokeChannel } from '../../shared/ipc/channels';
import type { Request, Response } from '../../shared/ipc/contract';
import type { AppErrorShape } from '../../shared/ipc/app-error';
import type { IpcResult } from '../../shared/ipc/result';

/** Thrown in the renderer when a call comes back as a typed error. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
  }
}

/** Calls one contract channel; resolves to its value or throws ApiError with the typed error. */
export async function call<C extends InvokeChannel>(channel: C, request: Request<C>): Promise<Response<C>> {
  // Indexing the api by a generic channel loses the pairing TypeScript can't correlate; restore it.
  const invoke = window.api[channel] as unknown as (request: Request<C>) => Promise<IpcResult<Response<C>>>;
  const result = await invoke(request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
