import type { AppErrorShape } from '../../../shared/ipc/errors';
import { ApiError } from '../api';

/**
 * What a screen may show about a failure: the typed error's plain message and next step. Anything
 * else (a bug, a lost binding) becomes a generic message, so no stack trace ever reaches the screen.
 */
export function toErrorShape(error: unknown): AppErrorShape {
  if (error instanceof ApiError) return error.shape;
  return {
    code: 'internal',
    message: 'Something went wrong inside the app.',
    nextStep: 'Try again. If it keeps happening, export a readiness report and send it to your helpdesk.',
  };
}
